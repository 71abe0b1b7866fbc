package org.smartketing.crosstraining.measures;

import java.time.Instant;
import java.util.UUID;

import org.smartketing.team.PersonId;

/**
 * One thing the funnel told us about a handoff, kept to measure cross-training's effect on it.
 *
 * @param person the marketer who handed the lead over, the rep it was assigned to, whoever answered
 *               it, or the owner whose clock ran out
 * @param reason the rejection reason, for REJECTED
 */
public record HandoffFact(Kind kind, UUID leadId, PersonId person, String reason, Instant at) {

    public enum Kind {
        HANDED_OVER, REJECTED, ASSIGNED, ANSWERED, BREACHED
    }
}
