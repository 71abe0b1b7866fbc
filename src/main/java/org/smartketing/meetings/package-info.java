/**
 * Shared meetings and action sessions: series with recurrence and a management sponsor, the
 * meeting runner that ends in every attendee's action plan and commitment, follow-up of the items
 * between meetings (reminders and escalation through the communication router), calendar
 * invitations and feeds, and the follow-through measures.
 *
 * <p>Other parts use the events beside this file; everything in the sub-packages is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Meetings")
@org.smartketing.shared.OwnsTables({ "meeting_series", "meeting_series_attendee", "meeting_series_team",
        "meeting", "meeting_agenda_point", "meeting_idea", "action_item", "action_item_review",
        "meeting_commitment", "meeting_rating", "calendar_feed" })
package org.smartketing.meetings;
