package org.smartketing.funnel;

import java.time.Instant;
import java.util.UUID;

import org.smartketing.team.Actor;

/**
 * Routing found nobody for a marketing-qualified lead; it waits, unowned, in the unassigned queue
 * until a manager routes it again or assigns it by hand.
 *
 * @param reason for people: which rules matched and why each rep was skipped (at most
 *               {@link #REASON_LENGTH} characters; the whole reason stays in the lead's routing log)
 */
public record LeadRoutingFailed(UUID eventId, LeadId leadId, String reason, Instant occurredAt, Actor actor) {

    public static final int REASON_LENGTH = 2000;
}
