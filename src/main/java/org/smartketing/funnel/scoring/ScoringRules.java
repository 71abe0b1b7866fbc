package org.smartketing.funnel.scoring;

import java.util.List;
import java.util.Optional;

/** The whole scoring set-up: fit rules, engagement rules and the score that makes a lead an MQL. */
public record ScoringRules(int mqlThreshold, List<FitRule> fitRules, List<EngagementRule> engagementRules) {

    public ScoringRules {
        fitRules = List.copyOf(fitRules);
        engagementRules = List.copyOf(engagementRules);
    }

    public Optional<EngagementRule> engagementRule(String activityType) {
        return engagementRules.stream().filter(r -> r.activityType().equals(activityType)).findFirst();
    }
}
