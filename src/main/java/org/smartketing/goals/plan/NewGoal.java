package org.smartketing.goals.plan;

import java.util.List;
import java.util.UUID;

/**
 * A goal to set, as a person or a goal session sends it.
 *
 * @param zone     the IANA zone the team counts its days in; the creator's own when left out
 * @param cadence  how often it is reviewed: WEEKLY (the default), FORTNIGHTLY or MONTHLY
 * @param sponsorId the manager who sponsors it (endorses it alone and hears of missed reviews), optional
 */
public record NewGoal(UUID teamId, String title, Period.Input period, String zone, Outcome.Input outcome, String cadence,
        UUID sponsorId, List<PlannedActivity.Input> activities) {
}
