package org.smartketing.funnel.scoring;

import java.util.List;
import java.util.Optional;

/**
 * The whole scoring set-up: fit rules, engagement rules and the score that makes a lead an MQL.
 * {@code version} is the stored set-up's version as it was read; a replace carries the version it
 * was based on and is refused when the rules changed meanwhile.
 */
public record ScoringRules(int version, int mqlThreshold, List<FitRule> fitRules,
        List<EngagementRule> engagementRules) {

    public ScoringRules {
        fitRules = List.copyOf(fitRules);
        engagementRules = List.copyOf(engagementRules);
    }

    public ScoringRules withMqlThreshold(int threshold) {
        return new ScoringRules(version, threshold, fitRules, engagementRules);
    }

    public ScoringRules withFitRules(List<FitRule> rules) {
        return new ScoringRules(version, mqlThreshold, rules, engagementRules);
    }

    public ScoringRules withEngagementRules(List<EngagementRule> rules) {
        return new ScoringRules(version, mqlThreshold, fitRules, rules);
    }

    /** The same rules as a change based on {@code basedOn}. */
    public ScoringRules basedOn(int basedOn) {
        return new ScoringRules(basedOn, mqlThreshold, fitRules, engagementRules);
    }

    public Optional<EngagementRule> engagementRule(String activityType) {
        return engagementRules.stream().filter(r -> r.activityType().equals(activityType)).findFirst();
    }
}
