package org.smartketing.goals.plan;

import java.time.LocalDate;
import java.util.Locale;

import org.smartketing.shared.InvalidFieldException;

/** How often a goal is reviewed. */
public enum Cadence {
    WEEKLY("Every week"), FORTNIGHTLY("Every two weeks"), MONTHLY("Every month");

    private final String label;

    Cadence(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The {@code n}th review day of a period starting on {@code start}. */
    public LocalDate nth(LocalDate start, int n) {
        return switch (this) {
            case WEEKLY -> start.plusWeeks(n);
            case FORTNIGHTLY -> start.plusWeeks(2L * n);
            case MONTHLY -> start.plusMonths(n);
        };
    }

    public static Cadence parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return WEEKLY;
        }
        return switch (value.strip().toUpperCase(Locale.ROOT).replace('-', '_')) {
            case "WEEKLY" -> WEEKLY;
            case "FORTNIGHTLY", "BIWEEKLY", "EVERY_TWO_WEEKS" -> FORTNIGHTLY;
            case "MONTHLY" -> MONTHLY;
            default -> throw new InvalidFieldException(field, "must be WEEKLY, FORTNIGHTLY or MONTHLY");
        };
    }
}
