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

    public LocalDate after(LocalDate day) {
        return switch (this) {
            case WEEKLY -> day.plusWeeks(1);
            case FORTNIGHTLY -> day.plusWeeks(2);
            case MONTHLY -> day.plusMonths(1);
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
