package org.smartketing.funnel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.smartketing.shared.InvalidFieldException;

/** The instants from {@code from} up to, not including, {@code to}. */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        if (from == null) {
            throw new InvalidFieldException("from", "is required");
        }
        if (to == null) {
            throw new InvalidFieldException("to", "is required");
        }
        if (!to.isAfter(from)) {
            throw new InvalidFieldException("to", "must be after from");
        }
    }

    /** The days from {@code from} up to, not including, {@code to}, as they pass in the zone. */
    public static TimeRange of(LocalDate from, LocalDate to, ZoneId zone) {
        return new DayRange(from, to).in(zone);
    }

    public boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
