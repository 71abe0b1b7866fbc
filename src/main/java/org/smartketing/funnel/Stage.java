package org.smartketing.funnel;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a lead stands. The way through is NEW → MQL → SAL → SQL → OPPORTUNITY → CUSTOMER; the
 * exits are REJECTED (by sales, with a reason from the agreed list), RECYCLED (back to marketing
 * nurture, with a reason and a date to look again) and LOST (with a reason).
 */
public enum Stage {
    NEW("New"), MQL("Marketing-qualified"), SAL("Sales-accepted"), SQL("Sales-qualified"),
    OPPORTUNITY("Opportunity"), CUSTOMER("Customer"), REJECTED("Rejected by sales"), RECYCLED("Recycled"),
    LOST("Lost");

    private static final Map<Stage, Set<Stage>> NEXT = Map.of(
            NEW, EnumSet.of(MQL, RECYCLED, LOST),
            MQL, EnumSet.of(SAL, REJECTED, RECYCLED),
            SAL, EnumSet.of(SQL, RECYCLED, LOST),
            SQL, EnumSet.of(OPPORTUNITY, RECYCLED, LOST),
            OPPORTUNITY, EnumSet.of(CUSTOMER, LOST),
            CUSTOMER, EnumSet.noneOf(Stage.class),
            REJECTED, EnumSet.of(RECYCLED, MQL),
            RECYCLED, EnumSet.of(MQL, LOST),
            LOST, EnumSet.of(RECYCLED));

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Set<Stage> allowedNext() {
        return NEXT.get(this);
    }

    public boolean canMoveTo(Stage next) {
        return NEXT.get(this).contains(next);
    }

    /** Leaving the way through needs a reason. */
    public boolean needsReason() {
        return this == REJECTED || this == RECYCLED || this == LOST;
    }

    /** The stages of the way through, in order: the pipeline board's columns. */
    public static Set<Stage> pipeline() {
        return EnumSet.range(NEW, CUSTOMER);
    }
}
