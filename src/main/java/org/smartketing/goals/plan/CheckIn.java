package org.smartketing.goals.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.smartketing.team.PersonId;

/**
 * A reported state of the goal: the value reached so far (for measures reported by check-in),
 * how confident the reporter is of reaching the target (0–10) and why.
 */
public record CheckIn(UUID id, PersonId by, BigDecimal value, int confidence, String comment, Instant at) {

    public record Input(BigDecimal value, Integer confidence, String comment) {
    }
}
