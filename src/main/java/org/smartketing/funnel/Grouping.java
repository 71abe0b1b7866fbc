package org.smartketing.funnel;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How figures over a range of days are put together: per day, per ISO week (from Monday), per month, or all in one. */
public enum Grouping {
    DAY, WEEK, MONTH, WHOLE;

    /**
     * The first day of the group the day falls in; for {@link #WHOLE}, the range's first day
     * (ranges are cut at their start, so a week or month at the edge starts on the range's first day).
     */
    public LocalDate start(LocalDate day, LocalDate rangeFrom) {
        LocalDate start = switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case WHOLE -> rangeFrom;
        };
        return start.isBefore(rangeFrom) ? rangeFrom : start;
    }
}
