package org.smartketing.funnel;

import java.time.Instant;
import java.util.UUID;

import org.smartketing.team.Actor;
import org.smartketing.team.PersonId;

/**
 * A lead got an owner (by routing); the handoff clocks start from here.
 *
 * @param previousOwnerId null when the lead had no owner before
 * @param actor           who set the routing off: the mover of the lead to MQL, the manager who routed
 *                        it again, or the system
 */
public record LeadAssigned(UUID eventId, LeadId leadId, PersonId ownerId, PersonId previousOwnerId, Instant occurredAt,
        Actor actor) {
}
