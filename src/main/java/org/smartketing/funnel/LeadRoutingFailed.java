package org.smartketing.funnel;

import java.time.Instant;

/**
 * Routing found nobody for a marketing-qualified lead; it waits, unowned, in the unassigned queue
 * until a manager routes it again or assigns it by hand.
 *
 * @param reason for people: which rules matched and why each rep was skipped
 */
public record LeadRoutingFailed(LeadId leadId, String reason, Instant at) {
}
