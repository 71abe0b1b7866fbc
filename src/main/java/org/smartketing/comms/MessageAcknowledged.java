package org.smartketing.comms;

import java.time.Instant;

import org.smartketing.team.PersonId;

/** Published once per recipient when they (or their delegate) acknowledge a message. */
public record MessageAcknowledged(MessageId message, PersonId recipient, PersonId by, Instant at) {
}
