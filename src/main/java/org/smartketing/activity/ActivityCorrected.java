package org.smartketing.activity;

import java.time.Instant;
import java.util.UUID;

import org.smartketing.team.Actor;
import org.smartketing.team.PersonId;

/**
 * An activity's type, person or time was corrected: counts move from what it was to what it is.
 * Published inside the transaction that corrects it.
 *
 * @param occurredAt when it was corrected
 * @param actor      who corrected it
 */
public record ActivityCorrected(UUID eventId, ActivityId activityId, ActivityType typeBefore, PersonId personBefore,
        Instant activityAtBefore, ActivityType type, PersonId personId, Instant activityAt, Instant occurredAt,
        Actor actor) {
}
