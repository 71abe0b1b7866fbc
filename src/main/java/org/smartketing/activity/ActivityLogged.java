package org.smartketing.activity;

import java.time.Instant;
import java.util.UUID;

import org.smartketing.team.PersonId;

/**
 * An activity was logged. Published inside the transaction that stores it; {@code leadId} and
 * {@code campaignId} may be {@code null}.
 */
public record ActivityLogged(ActivityId activityId, ActivityType type, PersonId personId, UUID leadId,
        UUID campaignId, Instant occurredAt) {
}
