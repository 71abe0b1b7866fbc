package org.smartketing.comms;

import java.time.Instant;
import java.util.UUID;

import org.smartketing.team.Actor;
import org.smartketing.team.PersonId;

/**
 * Published once per recipient when they (or their delegate) acknowledge a message.
 *
 * @param actor who acknowledged: the recipient, or whoever a step of theirs reached
 */
public record MessageAcknowledged(UUID eventId, MessageId messageId, PersonId recipient, Instant occurredAt,
        Actor actor) {
}
