package org.smartketing.goals;

import java.time.Instant;
import java.util.UUID;

import org.smartketing.team.Actor;
import org.smartketing.team.TeamId;

/**
 * A team set a new goal (by hand, or as a draft from a goal session).
 *
 * @param draft whether it waits for endorsement before it counts as agreed
 */
public record GoalSet(UUID eventId, GoalId goalId, TeamId teamId, String title, boolean draft, Instant occurredAt,
        Actor actor) {
}
