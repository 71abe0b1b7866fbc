package org.smartketing.goals.progress;

/** How an activity or outcome stands against its plan to date. */
public enum Status {
    ON_TRACK("On track"), AT_RISK("At risk"), OFF_TRACK("Off track"), NOT_DUE("Nothing due yet");

    static final double ON_TRACK_FROM = 0.95;
    static final double AT_RISK_FROM = 0.75;

    private final String label;

    Status(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** On track from 95 % of the plan to date, at risk from 75 %, off track below; nothing due when no plan is. */
    static Status of(Double ratio) {
        if (ratio == null) {
            return NOT_DUE;
        }
        return ratio >= ON_TRACK_FROM ? ON_TRACK : ratio >= AT_RISK_FROM ? AT_RISK : OFF_TRACK;
    }
}
