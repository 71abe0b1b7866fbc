package org.smartketing.meetings;

import java.time.Instant;
import java.util.UUID;

import org.smartketing.team.Actor;

/** A meeting ended: its minutes were sent to the attendees. {@code occurredAt} is when it closed. */
public record MeetingClosed(UUID eventId, MeetingId meetingId, SeriesId seriesId, String title, int actionItems,
        int commitments, Instant occurredAt, Actor actor) {
}
