package org.smartketing.crosstraining.sessions;

import java.time.Instant;

import org.smartketing.crosstraining.SessionId;
import org.smartketing.meetings.ActionItemId;
import org.smartketing.team.PersonId;

/** What someone who was in a session learned, and one change they will make (maybe an action item). */
public record Reflection(SessionId sessionId, PersonId personId, String learned, String change,
        ActionItemId actionItemId, Instant writtenAt) {
}
