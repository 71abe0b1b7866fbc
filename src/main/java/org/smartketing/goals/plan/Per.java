package org.smartketing.goals.plan;

import java.util.Locale;

import org.smartketing.shared.InvalidFieldException;

/** The period a planned activity's target is set for: each week (Monday to Sunday) or each calendar month. */
public enum Per {
    WEEK("a week"), MONTH("a month");

    private final String label;

    Per(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Per parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return WEEK;
        }
        return switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "WEEK", "WEEKLY" -> WEEK;
            case "MONTH", "MONTHLY" -> MONTH;
            default -> throw new InvalidFieldException(field, "must be WEEK or MONTH");
        };
    }
}
