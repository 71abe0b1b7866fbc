package org.smartketing.funnel.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A lead's points at a moment: fixed fit points plus engagement points that halve with time. Says
 * what the score is and the earliest moment its whole number may change by decay alone, so a job
 * can work it out again then and not before.
 */
record DecayingScore(double fit, List<Term> terms, Instant at) {

    /** How long after the moment found the score is worked out again, so it has surely moved by then. */
    static final Duration MARGIN = Duration.ofMinutes(1);

    /** No moment is looked for further ahead than this: the score is taken to be settled. */
    private static final long HORIZON_SECONDS = Duration.ofDays(365L * 100).toSeconds();

    /** One engagement: its rule's points, halving from {@code occurredAt}. */
    record Term(EngagementRule rule, Instant occurredAt) {

        double at(Instant t) {
            return rule.decayed(Duration.between(occurredAt, t));
        }
    }

    DecayingScore {
        terms = List.copyOf(terms);
    }

    double total() {
        double total = fit;
        for (Term t : terms) {
            total += t.at(at);
        }
        return total;
    }

    int rounded() {
        return (int) Math.round(total());
    }

    /**
     * The earliest moment (plus {@link #MARGIN}) at which decay may have moved the rounded score;
     * null when it never will. Each engagement's points only shrink towards 0, so the total cannot
     * move further from its value now than the sum of the points' sizes has shrunk by then, and it
     * cannot change its whole number before that shrinkage reaches the distance to the nearest
     * rounding boundary (exactly then, when every engagement counts positively).
     */
    Instant nextChange() {
        double total = total();
        long score = Math.round(total);
        double distance = Math.min(total - (score - 0.5), (score + 0.5) - total);
        double size = size(at);
        if (size <= distance) {
            return null;
        }
        long low = 0;
        long high = 3600;
        while (size - size(at.plusSeconds(high)) < distance) {
            low = high;
            high *= 2;
            if (high > HORIZON_SECONDS) {
                return null;
            }
        }
        while (high - low > 60) {
            long mid = (low + high) / 2;
            if (size - size(at.plusSeconds(mid)) < distance) {
                low = mid;
            }
            else {
                high = mid;
            }
        }
        return at.plusSeconds(high).plus(MARGIN);
    }

    private double size(Instant t) {
        double size = 0;
        for (Term term : terms) {
            size += Math.abs(term.at(t));
        }
        return size;
    }
}
