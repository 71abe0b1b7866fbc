package org.smartketing.goals;

import java.time.Instant;
import java.util.UUID;

import org.smartketing.team.Actor;

/**
 * A manager (head of sales or marketing, or the goal's sponsor) endorsed a version of the goal;
 * {@code fullyEndorsed} once both heads, or the sponsor, have endorsed that version.
 */
public record GoalEndorsed(UUID eventId, GoalId goalId, int version, boolean fullyEndorsed, Instant occurredAt,
        Actor actor) {
}
