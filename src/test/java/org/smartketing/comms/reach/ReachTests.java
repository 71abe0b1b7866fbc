package org.smartketing.comms.reach;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.WorkingHours;

import static org.assertj.core.api.Assertions.assertThat;

/** Working hours Mon–Fri 09:00–17:00 in Berlin, quiet hours as given; 2026-11-27 is a Friday (UTC+1). */
class ReachTests {

    private static Reach berliner(String quietFrom, String quietUntil) {
        PersonSummary person = new PersonSummary(new PersonId(UUID.randomUUID()), "a@example.com", "A",
                Department.SALES, AppRole.MEMBER, null, ZoneId.of("Europe/Berlin"), WorkingHours.standard(), null,
                true);
        Reach.QuietHours quiet = quietFrom.isEmpty() ? null
                : new Reach.QuietHours(LocalTime.parse(quietFrom), LocalTime.parse(quietUntil));
        return new Reach(person, Map.of(), quiet, Optional.empty(), Map.of(), true);
    }

    @ParameterizedTest(name = "{0} (quiet {1}–{2}): working {3}, quiet {4}")
    @CsvSource({
            // at (UTC)          , quiet from, until, working, quiet
            "2026-11-27T08:00:00Z,      ,      , true , false",   // 09:00 Berlin: start is inside
            "2026-11-27T07:59:59Z,      ,      , false, false",   // 08:59:59 Berlin
            "2026-11-27T16:00:00Z,      ,      , false, false",   // 17:00 Berlin: end is outside
            "2026-11-28T10:00:00Z,      ,      , false, false",   // Saturday
            "2026-11-27T11:30:00Z, 12:00, 13:00, true , true ",   // lunch quiet inside working hours
            "2026-11-27T12:00:00Z, 12:00, 13:00, true , false",   // quiet ends exclusive
            "2026-11-27T22:30:00Z, 22:00, 07:00, false, true ",   // 23:30 Berlin, wraps midnight
            "2026-11-28T05:59:00Z, 22:00, 07:00, false, true ",   // 06:59 Berlin next day
            "2026-11-28T06:00:00Z, 22:00, 07:00, false, false",   // 07:00 Berlin
            "2026-11-27T10:00:00Z, 08:00, 08:00, true , false",   // equal ends: no quiet hours
    })
    void tellsWorkingAndQuietHoursInThePersonsZone(Instant at, String from, String until, boolean working,
            boolean quiet) {
        Reach reach = berliner(from == null ? "" : from, until);
        assertThat(reach.withinWorkingHours(at)).isEqualTo(working);
        assertThat(reach.inQuietHours(at)).isEqualTo(quiet);
    }

    @ParameterizedTest(name = "{0} (quiet {1}–{2}) → {3}")
    @CsvSource({
            "2026-11-27T10:00:00Z,      ,      , 2026-11-27T10:00:00Z", // within: now
            "2026-11-27T16:30:00Z,      ,      , 2026-11-30T08:00:00Z", // Friday evening → Monday 09:00 Berlin
            "2026-11-27T06:00:00Z,      ,      , 2026-11-27T08:00:00Z", // early Friday → 09:00 Berlin
            "2026-11-27T11:30:00Z, 12:00, 13:00, 2026-11-27T12:00:00Z", // lunch → 13:00 Berlin
            "2026-11-27T06:00:00Z, 08:00, 10:00, 2026-11-27T09:00:00Z", // quiet until 10:00 Berlin
            "2026-11-27T16:30:00Z, 00:00, 23:59, 2026-11-30T08:00:00Z", // quiet all working day: hours alone
            "2026-03-27T20:00:00Z,      ,      , 2026-03-30T07:00:00Z", // over the switch to summer time (UTC+2)
    })
    void findsTheNextWorkingStartOutsideQuietHours(Instant at, String from, String until, Instant expected) {
        assertThat(berliner(from == null ? "" : from, until).nextWorkingStart(at)).isEqualTo(expected);
    }
}
