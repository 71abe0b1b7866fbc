package org.smartketing.funnel.scoring;

import java.time.Duration;

/**
 * Points for something a lead did (an activity type such as WEBINAR or DEMO), halving every
 * {@code halfLifeDays} days since it happened.
 */
public record EngagementRule(String activityType, int points, int halfLifeDays) {

    /** The points left after the given time: {@code points × 0.5^(days / halfLifeDays)}. */
    public double decayed(Duration age) {
        double days = Math.max(0, age.toMillis()) / 86_400_000.0;
        return points * Math.pow(0.5, days / halfLifeDays);
    }
}
