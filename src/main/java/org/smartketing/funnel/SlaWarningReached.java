package org.smartketing.funnel;

import java.time.Instant;
import java.util.UUID;

/**
 * Three quarters of a handoff clock's working time have passed and the clock still runs. Published
 * once per clock run, by the persistent warning job.
 *
 * @param clock {@code ACCEPT} (accept or reject the MQL) or {@code FIRST_CONTACT}
 * @param due   when the clock runs out
 */
public record SlaWarningReached(LeadId leadId, UUID ownerId, String clock, Instant due) {
}
