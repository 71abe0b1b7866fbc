package org.smartketing.funnel;

import java.time.Instant;
import java.util.UUID;

/**
 * A handoff clock ran out before the owner accepted (or rejected) the lead or made first contact.
 * Published once per clock run, by the persistent breach job.
 *
 * @param clock {@code ACCEPT} or {@code FIRST_CONTACT}
 * @param due   when the clock ran out
 */
public record SlaBreached(LeadId leadId, UUID ownerId, String clock, Instant due) {
}
