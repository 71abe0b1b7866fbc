package org.smartketing.funnel.scoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Why a lead has its score, at a moment: one line per fit rule it meets and one per engagement,
 * the engagement's original points, its age and what is left of them after decay.
 *
 * @param score    the lead's stored score, the one every list shows
 * @param scoreNow what the lines add up to at {@code at}; differs from {@code score} only for the
 *                 minutes until the scoring job stores what decay or a rule change made of it
 */
public record ScoreExplanation(UUID leadId, int score, int scoreNow, int mqlThreshold, Instant at, List<Line> lines) {

    public enum Kind { FIT, ENGAGEMENT }

    /**
     * @param points         what the line adds now (decayed for an engagement), to two decimals
     * @param originalPoints for an engagement, its points when it happened
     * @param ageDays        for an engagement, days since it happened, to two decimals
     */
    public record Line(Kind kind, String rule, double points, Integer originalPoints, Double ageDays,
            Integer halfLifeDays, Instant occurredAt) {
    }
}
