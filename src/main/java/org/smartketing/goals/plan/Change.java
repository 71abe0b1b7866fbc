package org.smartketing.goals.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * An adjustment of a goal, which becomes its next version: a new outcome target and/or changes to
 * activities (with an id: adjusted, or dropped with {@code drop}; without: added). What it leaves
 * out stays as it is.
 *
 * @param version the version the change was made on; when given, a goal changed meanwhile refuses it
 * @param reason  why, in the changer's words (required)
 */
public record Change(Integer version, String reason, BigDecimal outcomeTarget, List<PlannedActivity.Input> activities) {

    public Change {
        activities = activities == null ? List.of() : List.copyOf(activities);
    }
}
