package org.smartketing.goals.session;

import java.util.Locale;

import org.smartketing.shared.InvalidFieldException;

/** The steps of a goal session with the minutes each is given (14 in all, inside the 15). */
public enum Step {
    OUTCOME("State the outcome", 2), PROPOSE("Everyone proposes activities", 4), VOTE("Dot-vote, three votes each", 2),
    TARGETS("Targets and owners for the top picks", 4), COMMIT("Each participant commits", 2),
    DRAFTED("Drafted for endorsement", 0);

    /** The whole session's minutes. */
    public static final int TOTAL_MINUTES = 15;

    private final String label;
    private final int minutes;

    Step(String label, int minutes) {
        this.label = label;
        this.minutes = minutes;
    }

    public String label() {
        return label;
    }

    public int minutes() {
        return minutes;
    }

    /** The steps a participant moves between; DRAFTED is reached by drafting the goal. */
    public static Step[] timed() {
        return new Step[] { OUTCOME, PROPOSE, VOTE, TARGETS, COMMIT };
    }

    public static Step parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required: OUTCOME, PROPOSE, VOTE, TARGETS, COMMIT or DRAFTED");
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidFieldException(field, "must be OUTCOME, PROPOSE, VOTE, TARGETS, COMMIT or DRAFTED");
        }
    }
}
