package org.smartketing.goals.plan;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.smartketing.shared.InvalidFieldException;

/**
 * The days a goal runs, first and last included, in the zone its team works in: a quarter, a
 * month or any dates up to a year. Its instants start at midnight in that zone, so a period ends
 * when the last day ends there, whatever the daylight-saving rules do.
 */
public record Period(Kind kind, LocalDate startsOn, LocalDate endsOn, ZoneId zone) {

    public enum Kind {
        QUARTER, MONTH, DATES
    }

    static final int LONGEST_DAYS = 366;
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?Q([1-4])", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_NAME = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

    /** What a person or a system sends: a quarter ({@code 2026-Q2}), a month ({@code 2026-05}) or two dates. */
    public record Input(String quarter, String month, LocalDate startsOn, LocalDate endsOn) {
    }

    public Period {
        if (endsOn.isBefore(startsOn)) {
            throw new InvalidFieldException("period.endsOn", "must not be before the period starts (" + startsOn + ")");
        }
        if (ChronoUnit.DAYS.between(startsOn, endsOn) >= LONGEST_DAYS) {
            throw new InvalidFieldException("period.endsOn", "a goal's period is at most a year");
        }
    }

    public static Period quarter(int year, int quarter, ZoneId zone) {
        LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new Period(Kind.QUARTER, start, start.plusMonths(3).minusDays(1), zone);
    }

    public static Period month(YearMonth month, ZoneId zone) {
        return new Period(Kind.MONTH, month.atDay(1), month.atEndOfMonth(), zone);
    }

    /** The quarter a day falls in. */
    public static Period quarterOf(LocalDate day, ZoneId zone) {
        return quarter(day.getYear(), day.get(IsoFields.QUARTER_OF_YEAR), zone);
    }

    public static Period of(Input in, ZoneId zone) {
        if (in == null) {
            throw new InvalidFieldException("period", "is required: a quarter, a month, or the first and last day");
        }
        if (in.quarter() != null && !in.quarter().isBlank()) {
            Matcher m = QUARTER.matcher(in.quarter().strip());
            if (!m.matches()) {
                throw new InvalidFieldException("period.quarter", "must look like 2026-Q2");
            }
            return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), zone);
        }
        if (in.month() != null && !in.month().isBlank()) {
            try {
                return month(YearMonth.parse(in.month().strip()), zone);
            }
            catch (DateTimeException ex) {
                throw new InvalidFieldException("period.month", "must look like 2026-05");
            }
        }
        if (in.startsOn() == null) {
            throw new InvalidFieldException("period.startsOn", "is required (or give a quarter or a month)");
        }
        if (in.endsOn() == null) {
            throw new InvalidFieldException("period.endsOn", "is required (or give a quarter or a month)");
        }
        return new Period(Kind.DATES, in.startsOn(), in.endsOn(), zone);
    }

    /** Midnight of the first day in the zone. */
    public Instant start() {
        return startsOn.atStartOfDay(zone).toInstant();
    }

    /** Midnight after the last day in the zone: the period's end, not included. */
    public Instant end() {
        return endsOn.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public long days() {
        return ChronoUnit.DAYS.between(startsOn, endsOn) + 1;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(startsOn) && !day.isAfter(endsOn);
    }

    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }

    public String label() {
        return switch (kind) {
            case QUARTER -> "Q" + startsOn.get(IsoFields.QUARTER_OF_YEAR) + " " + startsOn.getYear();
            case MONTH -> MONTH_NAME.format(startsOn);
            case DATES -> DAY.format(startsOn) + " – " + DAY.format(endsOn);
        };
    }

    public String lastDay() {
        return DAY.format(endsOn);
    }
}
