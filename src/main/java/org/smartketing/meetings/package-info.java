/**
 * Shared meetings and action sessions: series with recurrence and a management sponsor, the
 * meeting runner that ends in every attendee's action plan and commitment, follow-up of the items
 * between meetings (reminders and escalation through the communication router), calendar
 * invitations and feeds, and the follow-through measures.
 *
 * <p>Other parts use the events beside this file; everything in the sub-packages is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Meetings")
package org.smartketing.meetings;
