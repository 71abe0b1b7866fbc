package org.smartketing.crosstraining.budgets;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A calendar quarter in a person's zone, [from, to): what a budget of hours is for. */
public record Quarter(int year, int number, Instant from, Instant to) {

    public static Quarter of(Instant at, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(at, zone);
        int number = (day.getMonthValue() - 1) / 3 + 1;
        LocalDate first = LocalDate.of(day.getYear(), (number - 1) * 3 + 1, 1);
        return new Quarter(day.getYear(), number, first.atStartOfDay(zone).toInstant(),
                first.plusMonths(3).atStartOfDay(zone).toInstant());
    }

    public boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    @Override
    public String toString() {
        return "Q" + number + " " + year;
    }
}
