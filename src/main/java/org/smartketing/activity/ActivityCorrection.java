package org.smartketing.activity;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;

import org.smartketing.activity.log.AtMostADayAhead;
import org.smartketing.activity.log.LoggedByHand;
import org.smartketing.team.PersonId;

/**
 * What an activity should have said, for {@link ActivityLog#correct}: its type, whose it is and
 * when it occurred (the outcome, lead and campaign stay).
 */
public record ActivityCorrection(
        @NotNull @LoggedByHand ActivityType type,
        @NotNull PersonId personId,
        @NotNull @AtMostADayAhead Instant occurredAt) {
}
