package org.smartketing.funnel;

import java.time.Instant;
import java.util.UUID;

import org.smartketing.team.Actor;

/**
 * A lead moved from one stage to another ({@code from} is null when it was just created).
 *
 * @param eventId    this event's own id, for listeners that must act on it once
 * @param reason     why, in the mover's words (rejection reason, recycling note), or null
 * @param occurredAt when the lead moved
 * @param actor      the person who moved it (with their department); the system when scoring did,
 *                   {@code intake:<channel>} for a lead just taken in
 */
public record LeadStageChanged(UUID eventId, LeadId leadId, Stage from, Stage to, String reason, Instant occurredAt,
        Actor actor) {
}
