package org.smartketing.goals.progress;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.smartketing.goals.plan.Per;

/**
 * Actual against plan at a moment. The plan to date is the sum of the slices' targets already
 * elapsed (a week counts once it is over in the team's zone), not a straight line through the
 * period; the forecast goes on at the pace so far (actual per elapsed local time) to the end of
 * what is planned, and is {@code null} in the first day, when a pace means nothing yet.
 *
 * @param ratio actual ÷ planned to date, {@code null} while nothing is due
 */
public record Pace(double actual, double plannedToDate, double plannedTotal, Double ratio, Status status,
        Double forecast, Instant countFrom, Instant countTo) {

    static final Duration TOO_EARLY = Duration.ofDays(1);

    /**
     * The pace of a plan covering {@code first} to {@code last} (local days, both included), with
     * {@code actual} counted between {@link #countFrom} and {@link #countTo}.
     */
    public static Pace of(LocalDate first, LocalDate last, Per per, double perPeriod, ZoneId zone, Instant now,
            double actual) {
        Window counted = window(first, last, zone, now);
        if (last.isBefore(first)) {
            return new Pace(actual, 0, 0, null, Status.NOT_DUE, actual, counted.from(), counted.to());
        }
        List<Slice> slices = Slice.of(first, last, per, perPeriod, zone);
        double toDate = slices.stream().filter(s -> s.endedBy(now)).mapToDouble(Slice::planned).sum();
        double total = slices.stream().mapToDouble(Slice::planned).sum();
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
        Double ratio = toDate > 0 ? actual / toDate : null;
        return new Pace(actual, toDate, total, ratio, Status.of(ratio), forecast(start, end, now, zone, actual),
                counted.from(), counted.to());
    }

    /** The instants the actual of a plan covering {@code first} to {@code last} is counted between, as of now. */
    public static Window window(LocalDate first, LocalDate last, ZoneId zone, Instant now) {
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant end = last.isBefore(first) ? start : last.plusDays(1).atStartOfDay(zone).toInstant();
        return new Window(start, now.isBefore(start) ? start : now.isBefore(end) ? now : end);
    }

    /** From (included) to (excluded). */
    public record Window(Instant from, Instant to) {
    }

    /** Where the actual ends up at the pace so far, counted in local time so a DST change shifts nothing. */
    static Double forecast(Instant start, Instant end, Instant now, ZoneId zone, double actual) {
        if (!now.isBefore(end)) {
            return actual;
        }
        LocalDateTime from = LocalDateTime.ofInstant(start, zone);
        Duration elapsed = Duration.between(from, LocalDateTime.ofInstant(now, zone));
        if (elapsed.compareTo(TOO_EARLY) < 0) {
            return null;
        }
        Duration whole = Duration.between(from, LocalDateTime.ofInstant(end, zone));
        return actual * whole.getSeconds() / elapsed.getSeconds();
    }

    /** Planned to date as a share of the whole plan, 0–1. */
    public double elapsedShare() {
        return plannedTotal == 0 ? 1 : plannedToDate / plannedTotal;
    }
}
