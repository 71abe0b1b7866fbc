package org.smartketing.activity;

import java.time.Instant;
import java.util.UUID;

import org.smartketing.team.PersonId;

/**
 * One entry of the activity log as stored: who did what when, with what outcome, about which lead
 * or campaign (either may be {@code null}), how it was logged and when it was recorded.
 */
public record Activity(ActivityId id, ActivityType type, PersonId personId, Instant occurredAt, String outcome,
        UUID leadId, UUID campaignId, ActivitySource source, Instant recordedAt) {
}
