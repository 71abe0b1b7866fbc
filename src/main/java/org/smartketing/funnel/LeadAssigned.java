package org.smartketing.funnel;

import java.time.Instant;
import java.util.UUID;

/**
 * A lead got an owner (by routing or by hand); the handoff clocks start from here.
 *
 * @param previousOwnerId null when the lead had no owner before
 */
public record LeadAssigned(LeadId leadId, UUID ownerId, UUID previousOwnerId, Instant at) {
}
