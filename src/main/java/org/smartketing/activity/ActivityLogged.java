package org.smartketing.activity;

import java.time.Instant;
import java.util.UUID;

import org.smartketing.team.Actor;

/**
 * An activity was logged. Published inside the transaction that stores it; {@code leadId} and
 * {@code campaignId} may be {@code null}.
 *
 * @param occurredAt when the activity took place (not when it was logged)
 * @param actor      the person whose activity it is, with their department
 */
public record ActivityLogged(UUID eventId, ActivityId activityId, ActivityType type, UUID leadId, UUID campaignId,
        ActivitySource source, Instant occurredAt, Actor actor) {
}
