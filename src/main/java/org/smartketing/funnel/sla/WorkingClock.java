package org.smartketing.funnel.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.smartketing.team.WorkingHours;

/**
 * Time counted in a person's working hours, in their own time zone. Pure functions: no clock, no
 * database. A day's window runs from its start to its end as the wall clock in the person's zone
 * shows them, so a daylight-saving change moves the window with the wall clock; a start that falls
 * into a gap (a skipped hour) begins at the first moment after it.
 */
public final class WorkingClock {

    /** Long enough for any window to come round, short enough to stop a broken input. */
    private static final int MAX_DAYS = 366 * 50;

    private WorkingClock() {
    }

    /**
     * The instant at which {@code work} of working time has passed since {@code from}. Time outside
     * working hours does not count, so an instant outside them starts at the next start; zero work
     * gives that next working instant (or {@code from} itself when it is inside working hours).
     */
    public static Instant plus(Instant from, Duration work, WorkingHours hours, ZoneId zone) {
        if (work.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative");
        }
        Duration remaining = work;
        LocalDate day = from.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!hours.days().contains(day.getDayOfWeek())) {
                continue;
            }
            Instant opens = ZonedDateTime.of(day, hours.start(), zone).toInstant();
            Instant closes = ZonedDateTime.of(day, hours.end(), zone).toInstant();
            Instant start = opens.isBefore(from) ? from : opens;
            if (!start.isBefore(closes)) {
                continue;
            }
            Duration available = Duration.between(start, closes);
            if (remaining.compareTo(available) <= 0) {
                return start.plus(remaining);
            }
            remaining = remaining.minus(available);
        }
        throw new IllegalStateException("working hours never open: " + hours);
    }

    /** The working time between two instants: the inverse of {@link #plus}; zero when {@code to} is not after {@code from}. */
    public static Duration between(Instant from, Instant to, WorkingHours hours, ZoneId zone) {
        Duration total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            if (!hours.days().contains(day.getDayOfWeek())) {
                continue;
            }
            Instant opens = ZonedDateTime.of(day, hours.start(), zone).toInstant();
            Instant closes = ZonedDateTime.of(day, hours.end(), zone).toInstant();
            Instant start = opens.isBefore(from) ? from : opens;
            Instant end = closes.isAfter(to) ? to : closes;
            if (start.isBefore(end)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }
}
