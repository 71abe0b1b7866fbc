package org.smartketing.goals.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import org.smartketing.goals.plan.Per;

/**
 * One week (Monday to Sunday) or calendar month of a plan, cut to the days the plan covers, with
 * its share of the per-period target (a slice of 3 days of a week plans 3/7 of the weekly target).
 */
public record Slice(LocalDate first, LocalDate last, Instant end, double planned) {

    /** The slices from {@code first} to {@code last} (both included), ending at midnight in the zone. */
    public static List<Slice> of(LocalDate first, LocalDate last, Per per, double perPeriod, ZoneId zone) {
        List<Slice> slices = new ArrayList<>();
        LocalDate day = first;
        while (!day.isAfter(last)) {
            LocalDate periodEnd = per == Per.WEEK ? day.with(TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SUNDAY))
                    : day.with(TemporalAdjusters.lastDayOfMonth());
            LocalDate sliceEnd = periodEnd.isAfter(last) ? last : periodEnd;
            double days = ChronoUnit.DAYS.between(day, sliceEnd) + 1;
            double fullDays = per == Per.WEEK ? 7 : day.lengthOfMonth();
            slices.add(new Slice(day, sliceEnd, sliceEnd.plusDays(1).atStartOfDay(zone).toInstant(),
                    perPeriod * days / fullDays));
            day = sliceEnd.plusDays(1);
        }
        return slices;
    }

    public boolean endedBy(Instant now) {
        return !end.isAfter(now);
    }
}
