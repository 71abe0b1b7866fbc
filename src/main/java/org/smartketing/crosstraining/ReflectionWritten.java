package org.smartketing.crosstraining;

import java.time.Instant;
import java.util.UUID;

import org.smartketing.meetings.ActionItemId;
import org.smartketing.team.Actor;
import org.smartketing.team.PersonId;

/**
 * Someone who was in a session wrote what they learned and, maybe, one change they will make.
 *
 * @param actionItemId the action item the change became, or null
 */
public record ReflectionWritten(UUID eventId, SessionId sessionId, PersonId authorId, boolean withChange,
        ActionItemId actionItemId, Instant occurredAt, Actor actor) {
}
