package org.smartketing.team;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WorkingHoursTests {

    @Test
    void describesARunOfDaysAsARange() {
        assertThat(WorkingHours.standard()).hasToString("Mon–Fri, 09:00–17:00");
        assertThat(new WorkingHours(LocalTime.of(8, 0), LocalTime.of(12, 0),
                EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)))
                .hasToString("Mon, Wed, Thu, 08:00–12:00");
    }

    @Test
    void includesTheStartButNotTheEndOfTheDay() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        WorkingHours hours = WorkingHours.standard();
        assertThat(hours.includes(ZonedDateTime.of(2026, 11, 27, 9, 0, 0, 0, berlin))).isTrue();
        assertThat(hours.includes(ZonedDateTime.of(2026, 11, 27, 17, 0, 0, 0, berlin))).isFalse();
        assertThat(hours.includes(ZonedDateTime.of(2026, 11, 28, 10, 0, 0, 0, berlin))).as("Saturday").isFalse();
    }

    @Test
    void storesDaysAsCodesAndReadsThemBack() {
        WorkingHours hours = WorkingHours.standard();
        assertThat(hours.dayCodes()).isEqualTo("MON,TUE,WED,THU,FRI");
        assertThat(WorkingHours.parseDayCodes(hours.dayCodes())).isEqualTo(hours.days());
    }

    @Test
    void refusesHoursThatEndBeforeTheyStartOrHaveNoDays() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WorkingHours(LocalTime.NOON, LocalTime.of(9, 0),
                EnumSet.of(DayOfWeek.MONDAY)));
        assertThatIllegalArgumentException().isThrownBy(() -> new WorkingHours(LocalTime.of(9, 0), LocalTime.NOON,
                EnumSet.noneOf(DayOfWeek.class)));
    }
}
