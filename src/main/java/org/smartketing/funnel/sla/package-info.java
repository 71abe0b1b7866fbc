/**
 * The handoff service-level agreement: the signed agreement, the clocks that run in the lead
 * owner's working hours, their persistent warning and breach jobs, and the SLA report.
 */
package org.smartketing.funnel.sla;
