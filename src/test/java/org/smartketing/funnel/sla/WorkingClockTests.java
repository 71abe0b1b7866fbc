package org.smartketing.funnel.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartketing.team.WorkingHours;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingClockTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final WorkingHours NINE_TO_FIVE = WorkingHours.standard();
    static final WorkingHours SUNDAY_NIGHTS = new WorkingHours(LocalTime.of(1, 0), LocalTime.of(5, 0),
            EnumSet.of(DayOfWeek.SUNDAY));

    static Instant at(String localDateTime, ZoneId zone) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), zone).toInstant();
    }

    static Stream<Arguments> additions() {
        return Stream.of(
                Arguments.of("Friday 16:00 Berlin + 4h runs over the weekend", "2026-11-27T16:00", BERLIN, NINE_TO_FIVE,
                        4, "2026-11-30T12:00"),
                Arguments.of("the same instant for a New York rep: still Friday morning there", "2026-11-27T10:00",
                        NEW_YORK, NINE_TO_FIVE, 4, "2026-11-27T14:00"),
                Arguments.of("Tokyo: the same instant is after hours, so Monday", "2026-11-28T00:00", TOKYO,
                        NINE_TO_FIVE, 4, "2026-11-30T13:00"),
                Arguments.of("ending exactly at closing time stays on that day", "2026-11-27T16:00", BERLIN,
                        NINE_TO_FIVE, 1, "2026-11-27T17:00"),
                Arguments.of("Saturday starts at Monday's start", "2026-11-28T10:00", BERLIN, NINE_TO_FIVE, 1,
                        "2026-11-30T10:00"),
                Arguments.of("before opening starts at the opening", "2026-11-30T07:15", BERLIN, NINE_TO_FIVE, 2,
                        "2026-11-30T11:00"),
                Arguments.of("zero hours outside working hours is the next start", "2026-11-27T18:00", BERLIN,
                        NINE_TO_FIVE, 0, "2026-11-30T09:00"),
                Arguments.of("two full days and a bit", "2026-11-30T09:00", BERLIN, NINE_TO_FIVE, 17,
                        "2026-12-02T10:00"),
                Arguments.of("New York springs forward over the weekend: Monday 10:00 wall clock", "2026-03-06T16:00",
                        NEW_YORK, NINE_TO_FIVE, 2, "2026-03-09T10:00"),
                Arguments.of("Berlin falls back over the weekend: Monday 12:00 wall clock", "2026-10-23T16:00", BERLIN,
                        NINE_TO_FIVE, 4, "2026-10-26T12:00"),
                Arguments.of("a window cut short by the skipped hour (02:00-03:00) holds only 3h", "2026-03-29T01:00",
                        BERLIN, SUNDAY_NIGHTS, 4, "2026-04-05T02:00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("additions")
    void addsWorkingHoursInTheOwnersZone(String description, String from, ZoneId zone, WorkingHours hours, int plusHours,
            String expected) {
        Instant start = at(from, zone);
        Instant due = WorkingClock.plus(start, Duration.ofHours(plusHours), hours, zone);
        assertThat(due.atZone(zone).toLocalDateTime()).isEqualTo(LocalDateTime.parse(expected));
        if (hours.includes(start.atZone(zone)) || plusHours > 0) {
            assertThat(WorkingClock.between(start, due, hours, zone)).isEqualTo(Duration.ofHours(plusHours));
        }
    }

    @Test
    void givesDifferentDueTimesToABerlinAndANewYorkRepForTheSameInstant() {
        Instant assigned = Instant.parse("2026-11-27T15:00:00Z");
        assertThat(WorkingClock.plus(assigned, Duration.ofHours(4), NINE_TO_FIVE, BERLIN))
                .isEqualTo(Instant.parse("2026-11-30T11:00:00Z"));
        assertThat(WorkingClock.plus(assigned, Duration.ofHours(4), NINE_TO_FIVE, NEW_YORK))
                .isEqualTo(Instant.parse("2026-11-27T19:00:00Z"));
    }

    @Test
    void countsOnlyWorkingTimeBetweenTwoInstants() {
        assertThat(WorkingClock.between(at("2026-11-27T16:00", BERLIN), at("2026-11-30T12:00", BERLIN), NINE_TO_FIVE,
                BERLIN)).isEqualTo(Duration.ofHours(4));
        assertThat(WorkingClock.between(at("2026-11-28T08:00", BERLIN), at("2026-11-29T20:00", BERLIN), NINE_TO_FIVE,
                BERLIN)).as("a weekend").isZero();
        assertThat(WorkingClock.between(at("2026-11-30T12:00", BERLIN), at("2026-11-30T11:00", BERLIN), NINE_TO_FIVE,
                BERLIN)).as("backwards").isZero();
        assertThat(WorkingClock.between(at("2026-11-30T08:00", BERLIN), at("2026-11-30T09:30", BERLIN), NINE_TO_FIVE,
                BERLIN)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void betweenUndoesPlusForManySeededStarts() {
        Random random = new Random(20261127);
        List<ZoneId> zones = List.of(BERLIN, NEW_YORK, TOKYO, ZoneId.of("Australia/Sydney"), ZoneId.of("UTC"));
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 2_000; i++) {
            ZoneId zone = zones.get(random.nextInt(zones.size()));
            Instant from = base.plusSeconds(random.nextInt(365 * 24 * 3600));
            Duration work = Duration.ofMinutes(1 + random.nextInt(60 * 60));
            Instant due = WorkingClock.plus(from, work, NINE_TO_FIVE, zone);
            assertThat(WorkingClock.between(from, due, NINE_TO_FIVE, zone)).as("from %s in %s", from, zone)
                    .isEqualTo(work);
            assertThat(NINE_TO_FIVE.includes(due.minusSeconds(1).atZone(zone))).as("ends inside working hours").isTrue();
        }
    }
}
