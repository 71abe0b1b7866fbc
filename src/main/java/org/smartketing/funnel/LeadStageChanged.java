package org.smartketing.funnel;

import java.time.Instant;
import java.util.UUID;

/**
 * A lead moved from one stage to another (from is null when it was just created).
 *
 * @param actorId the person who moved it, null when the system did (scoring, intake)
 */
public record LeadStageChanged(LeadId leadId, Stage from, Stage to, String reason, UUID actorId, Instant occurredAt) {
}
