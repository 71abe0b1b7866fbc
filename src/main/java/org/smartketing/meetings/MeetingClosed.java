package org.smartketing.meetings;

import java.time.Instant;
import java.util.UUID;

/** A meeting ended: its minutes were sent to the attendees. */
public record MeetingClosed(UUID meetingId, UUID seriesId, String title, Instant closedAt, int actionItems,
        int commitments) {
}
