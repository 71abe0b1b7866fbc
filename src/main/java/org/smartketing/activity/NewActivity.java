package org.smartketing.activity;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.smartketing.activity.log.AtMostADayAhead;
import org.smartketing.shared.PlainText;
import org.smartketing.team.PersonId;

/**
 * An activity to log with {@link ActivityLog#log(NewActivity)}.
 *
 * @param type       what was done
 * @param personId   who did it: an enabled person
 * @param occurredAt when it happened; at most a day ahead of now (a meeting set up for tomorrow
 *                   morning may be logged tonight)
 * @param outcome    what came of it, optional plain text of at most 500 characters
 * @param leadId     the lead it was about, optional; must be a lead some part knows
 * @param campaignId the campaign it belongs to, optional; must be a campaign some part knows
 * @param source     how it reached the log
 */
public record NewActivity(
        @NotNull ActivityType type,
        @NotNull PersonId personId,
        @NotNull @AtMostADayAhead Instant occurredAt,
        @Size(max = 500) @PlainText String outcome,
        UUID leadId,
        UUID campaignId,
        @NotNull ActivitySource source) {
}
