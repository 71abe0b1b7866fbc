package org.smartketing.goals.plan;

import java.util.Arrays;
import java.util.Locale;

import org.smartketing.shared.InvalidFieldException;

/**
 * What a goal's outcome counts. Stage-based measures are counted from the funnel's stage changes;
 * amounts and custom numbers are reported by check-in (the funnel's events carry no amounts).
 */
public enum Measure {
    NEW_CUSTOMERS("New customers", Counting.FUNNEL, false),
    SQLS("Sales-qualified leads", Counting.FUNNEL, false),
    MQLS_DELIVERED("MQLs delivered", Counting.FUNNEL, false),
    ACCEPTED_WITHIN_SLA("Leads accepted within the SLA", Counting.FUNNEL, false),
    PIPELINE_AMOUNT("Pipeline amount", Counting.CHECK_IN, true),
    WON_AMOUNT("Won amount", Counting.CHECK_IN, true),
    CUSTOM("A number reported by check-in", Counting.CHECK_IN, false);

    public enum Counting {
        FUNNEL, CHECK_IN
    }

    private final String label;
    private final Counting counting;
    private final boolean amount;

    Measure(String label, Counting counting, boolean amount) {
        this.label = label;
        this.counting = counting;
        this.amount = amount;
    }

    public String label() {
        return label;
    }

    public boolean byCheckIn() {
        return counting == Counting.CHECK_IN;
    }

    /** An amount of money, which needs a currency. */
    public boolean amount() {
        return amount;
    }

    public static Measure parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values()).filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidFieldException(field, "must be one of "
                        + String.join(", ", Arrays.stream(values()).map(Enum::name).toList())));
    }
}
