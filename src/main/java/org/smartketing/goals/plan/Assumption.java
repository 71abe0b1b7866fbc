package org.smartketing.goals.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.smartketing.shared.InvalidFieldException;

/**
 * What ties an activity to the outcome: "10 demos → 2 customers", so {@code outcomes} of the
 * outcome are expected from {@code activities} of the activity.
 */
public record Assumption(int activities, BigDecimal outcomes) {

    /** Both numbers, or neither (no assumption); {@code field} names the activity in errors. */
    public static Assumption of(String field, Integer activities, BigDecimal outcomes) {
        if (activities == null && outcomes == null) {
            return null;
        }
        if (activities == null || activities <= 0) {
            throw new InvalidFieldException(field + ".activities", "must be a whole number above 0 (10 demos → 2 customers)");
        }
        if (outcomes == null || outcomes.signum() <= 0 || Numbers.plain(outcomes).scale() > 2
                || outcomes.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
            throw new InvalidFieldException(field + ".outcomes", "must be above 0 (10 demos → 2 customers)");
        }
        return new Assumption(activities, Numbers.plain(outcomes));
    }

    /** Outcomes expected per activity. */
    public double rate() {
        return outcomes.divide(BigDecimal.valueOf(activities), 6, RoundingMode.HALF_UP).doubleValue();
    }

    public String describe(ActivityKind kind, Measure measure) {
        return activities + " " + kind.label().toLowerCase() + " → " + outcomes.toPlainString() + " "
                + measure.label().toLowerCase();
    }
}
