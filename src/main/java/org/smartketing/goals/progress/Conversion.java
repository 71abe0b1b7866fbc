package org.smartketing.goals.progress;

import org.smartketing.goals.plan.Assumption;

/**
 * An assumption ("10 demos → 2 customers") beside what was observed so far: outcomes reached per
 * activity done. Too few activities to tell until as many as the assumption names were done;
 * drifting below 75 % of the assumed rate, better above 125 %, else holding.
 */
public record Conversion(double assumed, Double observed, Verdict verdict) {

    public enum Verdict {
        TOO_EARLY("Too early to tell"), HOLDING("Holding"), DRIFTING("Drifting: fewer outcomes than assumed"),
        BETTER("Better than assumed");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static Conversion of(Assumption assumption, double activities, double outcomes) {
        double assumed = assumption.rate();
        if (activities < assumption.activities()) {
            return new Conversion(assumed, activities == 0 ? null : outcomes / activities, Verdict.TOO_EARLY);
        }
        double observed = outcomes / activities;
        Verdict verdict = observed < assumed * 0.75 ? Verdict.DRIFTING : observed > assumed * 1.25 ? Verdict.BETTER
                : Verdict.HOLDING;
        return new Conversion(assumed, observed, verdict);
    }
}
