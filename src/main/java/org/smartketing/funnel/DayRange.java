package org.smartketing.funnel;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.smartketing.shared.InvalidFieldException;

/**
 * Calendar days from {@code from} up to, not including, {@code to}. The funnel's daily figures
 * count by UTC day: a reader in another zone asking for its dates gets the UTC days of the same
 * dates, whose edges lie its offset away from its own midnights.
 */
public record DayRange(LocalDate from, LocalDate to) {

    /** Ten years of days at most: more is a mistake, not a question. */
    public static final int MAX_DAYS = 3660;

    public DayRange {
        if (from == null) {
            throw new InvalidFieldException("from", "is required");
        }
        if (to == null) {
            throw new InvalidFieldException("to", "is required");
        }
        if (!to.isAfter(from)) {
            throw new InvalidFieldException("to", "must be after from");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_DAYS) {
            throw new InvalidFieldException("to", "must be at most " + MAX_DAYS + " days after from");
        }
    }

    /** The one day. */
    public static DayRange of(LocalDate day) {
        return new DayRange(day, day.plusDays(1));
    }

    /** The same dates as instants in the zone: from its first midnight to the midnight after its last day. */
    public TimeRange in(ZoneId zone) {
        return new TimeRange(from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant());
    }
}
