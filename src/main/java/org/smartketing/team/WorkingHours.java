package org.smartketing.team;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The hours a person works on the given days, in their own time zone. */
public record WorkingHours(LocalTime start, LocalTime end, Set<DayOfWeek> days) {

    public WorkingHours {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("working hours must start before they end");
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("working hours need at least one day");
        }
        days = Set.copyOf(days);
    }

    public static WorkingHours standard() {
        return new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    }

    public boolean includes(ZonedDateTime localTime) {
        LocalTime time = localTime.toLocalTime();
        return days.contains(localTime.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
    }

    /** Days as stored and shown: {@code MON,TUE,WED}. */
    public String dayCodes() {
        return Arrays.stream(DayOfWeek.values()).filter(days::contains)
                .map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
    }

    public static Set<DayOfWeek> parseDayCodes(String codes) {
        return Arrays.stream(codes.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(code -> Arrays.stream(DayOfWeek.values()).filter(d -> d.name().startsWith(code)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("unknown day " + code)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
    }

    /** For people: "Mon–Fri, 09:00–17:00" or "Mon, Wed, Thu, 08:00–12:00". */
    @Override
    public String toString() {
        List<DayOfWeek> sorted = days.stream().sorted().toList();
        boolean consecutive = sorted.size() > 2
                && sorted.get(sorted.size() - 1).getValue() - sorted.get(0).getValue() == sorted.size() - 1;
        String dayText = consecutive ? shortName(sorted.get(0)) + "–" + shortName(sorted.get(sorted.size() - 1))
                : sorted.stream().map(WorkingHours::shortName).collect(Collectors.joining(", "));
        return dayText + ", " + start + "–" + end;
    }

    private static String shortName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}
