package org.smartketing.goals;

import java.time.Instant;
import java.util.UUID;

import org.smartketing.team.Actor;

/**
 * A goal was adjusted (outcome target, an activity's target or owners, an activity added or
 * dropped), which made its version {@code version}; an endorsement of an earlier version no
 * longer covers it.
 */
public record GoalRevised(UUID eventId, GoalId goalId, int version, String reason, Instant occurredAt, Actor actor) {
}
