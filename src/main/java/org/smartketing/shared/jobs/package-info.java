/**
 * The job scheduler (db-scheduler) that runs every part's persistent jobs; its table is its own.
 */
@org.smartketing.shared.OwnsTables({ "scheduled_tasks" })
package org.smartketing.shared.jobs;
