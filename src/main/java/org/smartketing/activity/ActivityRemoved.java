package org.smartketing.activity;

import java.time.Instant;
import java.util.UUID;

import org.smartketing.team.Actor;
import org.smartketing.team.PersonId;

/**
 * An activity logged by mistake was removed from the log and no longer counts. Published inside
 * the transaction that removes it.
 *
 * @param activityAt when the removed activity was said to occur
 * @param occurredAt when it was removed
 * @param actor      who removed it
 */
public record ActivityRemoved(UUID eventId, ActivityId activityId, ActivityType type, PersonId personId,
        Instant activityAt, Instant occurredAt, Actor actor) {
}
