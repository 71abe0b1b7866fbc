package org.smartketing.activity.counts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import org.smartketing.activity.ActivityCounts.Per;

/** A period cut into the days, weeks (from Monday) or months of a zone: each piece [start, end) with the date it is named by. */
record Buckets(List<Bucket> list) {

    record Bucket(LocalDate period, Instant start, Instant end) {
    }

    static Buckets of(Instant from, Instant to, ZoneId zone, Per per) {
        List<Bucket> list = new ArrayList<>();
        LocalDate period = first(LocalDate.ofInstant(from, zone), per);
        Instant start = from;
        while (start.isBefore(to)) {
            Instant next = per == Per.PERIOD ? to : next(period, per).atStartOfDay(zone).toInstant();
            Instant end = next.isBefore(to) ? next : to;
            list.add(new Bucket(period, start, end));
            start = end;
            period = per == Per.PERIOD ? period : next(period, per);
        }
        return new Buckets(List.copyOf(list));
    }

    private static LocalDate first(LocalDate day, Per per) {
        return switch (per) {
            case DAY, PERIOD -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    private static LocalDate next(LocalDate period, Per per) {
        return switch (per) {
            case DAY, PERIOD -> period.plusDays(1);
            case WEEK -> period.plusWeeks(1);
            case MONTH -> period.plusMonths(1);
        };
    }

    /** Where one piece ends and the next begins. */
    List<Instant> cuts() {
        return list.stream().skip(1).map(Bucket::start).toList();
    }

    Instant from() {
        return list.get(0).start();
    }

    Instant to() {
        return list.get(list.size() - 1).end();
    }
}
