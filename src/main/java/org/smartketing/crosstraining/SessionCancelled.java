package org.smartketing.crosstraining;

import java.time.Instant;
import java.util.UUID;

import org.smartketing.team.Actor;
import org.smartketing.team.PersonId;

/** The host declined a session (or an admin cancelled it); the learners got a calendar cancellation. */
public record SessionCancelled(UUID eventId, SessionId sessionId, PersonId hostId, String reason, Instant occurredAt,
        Actor actor) {
}
