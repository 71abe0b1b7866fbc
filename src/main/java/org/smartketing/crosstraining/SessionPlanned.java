package org.smartketing.crosstraining;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.smartketing.team.Actor;
import org.smartketing.team.PersonId;

/**
 * A cross-training session was planned or a learner joined it (a seat taken, an ask matched).
 *
 * @param shadowing  true when a learner joins real work; false for planned cross-training
 * @param startsAt   when it starts
 * @param learnerIds everyone learning in it now
 */
public record SessionPlanned(UUID eventId, SessionId sessionId, boolean shadowing, String topic, PersonId hostId,
        List<PersonId> learnerIds, Instant startsAt, int durationMinutes, Instant occurredAt, Actor actor) {
}
