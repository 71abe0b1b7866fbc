package org.smartketing.meetings;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.RRule;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smartketing.meetings.planning.IcsWriter;
import org.smartketing.meetings.planning.Purpose;
import org.smartketing.meetings.planning.Recurrence;
import org.smartketing.meetings.planning.Series;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.TimeZones;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.WorkingHours;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The calendars we write as calendar programs read them: each case is parsed back by ical4j and by
 * a second, independent parser (Debian's python3-icalendar, whose dates go through pytz's own zone
 * database). Without python3-icalendar the second parser's half is skipped, unless
 * SMARTKETING_BROWSER_TESTS=required (CI), where that fails.
 */
class CalendarClientsTests {

    static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    final PersonSummary organizer = person("Olga Organizer", "olga@example.com");
    final PersonSummary sponsor = person("Sam Sponsor", "sam@example.com");
    final Map<PersonId, PersonSummary> people = new java.util.HashMap<>(Map.of(organizer.id(), organizer,
            sponsor.id(), sponsor));

    @TempDir
    Path files;

    @Test
    void everyOfferedZoneHasAVtimezoneUnderItsOwnNameThatGivesTheZonesOwnOffsets() throws Exception {
        List<Path> calendars = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (String name : TimeZones.OFFERED) {
            ZoneId zone = ZoneId.of(name);
            LocalDateTime winter = LocalDateTime.of(2027, 1, 14, 9, 0);
            LocalDateTime summer = LocalDateTime.of(2027, 7, 15, 9, 0);
            String ics = new IcsWriter(id -> Optional.ofNullable(people.get(id)), Instant.parse("2026-12-01T10:00:00Z"), "https://sk.example.com")
                    .series(series("Winter " + name, winter, zone, "FREQ=WEEKLY;COUNT=3"), List.of())
                    .series(series("Summer " + name, summer, zone, null), List.of()).write(IcsWriter.Method.REQUEST);
            Calendar calendar = ical4j(ics);
            List<String> defined = calendar.getComponents("VTIMEZONE").stream()
                    .map(z -> ((VTimeZone) z).getTimeZoneId().getValue()).toList();
            if (!tzidsUsed(calendar).stream().allMatch(defined::contains)) {
                wrong.add(name + ": uses " + tzidsUsed(calendar) + " but defines " + defined);
                continue;
            }
            if (!name.equals("UTC")) {
                if (!defined.equals(List.of(name))) {
                    wrong.add(name + ": defines " + defined);
                    continue;
                }
                TimeZone vtimezone = new TimeZone((VTimeZone) calendar.getComponent("VTIMEZONE").orElseThrow());
                for (LocalDateTime at : List.of(winter, summer, winter.plusYears(3), summer.plusYears(3))) {
                    Instant instant = at.atZone(zone).toInstant();
                    int expected = zone.getRules().getOffset(instant).getTotalSeconds() * 1000;
                    if (vtimezone.getOffset(instant.toEpochMilli()) != expected) {
                        wrong.add(name + ": the VTIMEZONE's offset at " + instant + " is not the zone's");
                    }
                }
            }
            calendars.add(write(name.replace('/', '_'), ics));
        }
        assertThat(wrong).as("zones whose dates find no VTIMEZONE of their own, or another zone's").isEmpty();

        ifDebiansIcalendarIsThere(() -> {
            JsonNode read = python(calendars);
            int byVtimezone = 0;
            for (int i = 0; i < TimeZones.OFFERED.size(); i++) {
                ZoneId zone = ZoneId.of(TimeZones.OFFERED.get(i));
                JsonNode calendar = read.get(i);
                List<String> zonesDefined = strings(calendar.get("zones"));
                assertThat(zonesDefined).as(zone + " in python3-icalendar").containsAll(strings(calendar.get("tzidsUsed")));
                JsonNode winter = calendar.get("events").get(0);
                String expected = LocalDateTime.of(2027, 1, 14, 9, 0).atZone(zone).toInstant().toString();
                assertThat(winter.get("start").asString()).as(zone + " start by name").isEqualTo(expected);
                if (!winter.get("startByVtimezone").isNull()) {
                    byVtimezone++;
                    assertThat(winter.get("startByVtimezone").asString()).as(zone + " start by its VTIMEZONE")
                            .isEqualTo(expected);
                    String summer = LocalDateTime.of(2027, 7, 15, 9, 0).atZone(zone).toInstant().toString();
                    assertThat(calendar.get("events").get(1).get("startByVtimezone").asString())
                            .as(zone + " summer start by its VTIMEZONE").isEqualTo(summer);
                }
            }
            assertThat(byVtimezone).as("zones whose VTIMEZONE python3-icalendar could apply").isGreaterThan(100);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "+02:00", "UTC+01:00", "GMT-05:00", "SystemV/PST8", "SystemV/EST5EDT", "Etc/GMT-2", "EST",
        "Mars/Olympus", "" })
    void zonesThatAreNoRegionAreRefusedNamingTheField(String zone) {
        assertThatThrownBy(() -> TimeZones.of("zone", zone)).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("Europe/Berlin").extracting(e -> ((InvalidFieldException) e).field())
                .isEqualTo("zone");
    }

    @ParameterizedTest
    @ValueSource(strings = { "UTC", "Z", "GMT", "Etc/UTC", "+00:00", "UTC+00:00" })
    void everyNameOfUtcItselfBecomesUtc(String zone) {
        assertThat(TimeZones.of("zone", zone)).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void untilIsWrittenInUtcWhenTheStartHasAZoneAndADateOnlyUntilIsTheEndOfThatDay() throws Exception {
        LocalDateTime first = LocalDateTime.of(2027, 2, 1, 9, 0);
        String local = Recurrence.checked("FREQ=WEEKLY;BYDAY=MO;UNTIL=20270301T090000", first, BERLIN);
        String dateOnly = Recurrence.checked("FREQ=WEEKLY;UNTIL=20270301", first, BERLIN);

        assertThat(local).contains("UNTIL=20270301T080000Z");
        assertThat(dateOnly).contains("UNTIL=20270301T225959Z");
        assertThat(Recurrence.expand(first, BERLIN, dateOnly)).as("the 1 March meeting is in").hasSize(5);
        // A rule stored before UNTIL was checked is written in UTC as well.
        List<Path> calendars = new ArrayList<>();
        for (String rule : List.of(local, dateOnly, "FREQ=WEEKLY;UNTIL=20270301T090000", "FREQ=WEEKLY;UNTIL=20270301")) {
            String ics = calendar(series("Weekly", first, BERLIN, rule));
            RRule<?> rrule = ical4j(ics).getComponent("VEVENT").flatMap(e -> e.getProperty(Property.RRULE))
                    .map(r -> (RRule<?>) r).orElseThrow();
            assertThat(rrule.getValue()).as(rule).containsPattern("UNTIL=20270301T(08|22)\\d{4}Z");
            assertThat(((java.time.temporal.Temporal) rrule.getRecur().getUntil())
                    .get(java.time.temporal.ChronoField.OFFSET_SECONDS)).as(rule + ": UNTIL in UTC").isZero();
            calendars.add(write("until" + calendars.size(), ics));
        }
        ifDebiansIcalendarIsThere(() -> {
            for (JsonNode calendar : python(calendars)) {
                assertThat(calendar.get("events").get(0).get("untilIsUtc").asBoolean()).as(calendar.get("file").asString())
                        .isTrue();
            }
        });
    }

    @Test
    void controlCharactersNeverReachSummaryDescriptionOrAnAttendeesName() throws Exception {
        PersonSummary broken = person("Ann\r\nATTENDEE;CN=Intruder:mailto:intruder@example.com\u0007", "ann@example.com");
        people.put(broken.id(), broken);
        Series s = series("Pipeline\r\nATTENDEE:mailto:intruder@example.com\u0000\u001b[31m", LocalDateTime.of(2027, 1,
                14, 9, 0), BERLIN, null, new Purpose("Topic\rwith a bell\u0007", "Goal\u2028next"), broken.id());

        String ics = calendar(s);

        assertThat(ics.split("\r\n")).allSatisfy(line -> {
            assertThat(line).doesNotContainPattern("[\\x00-\\x08\\x0A-\\x1F\\x7F\\u2028]");
            assertThat(line).doesNotStartWith("ATTENDEE:").doesNotStartWith("ATTENDEE;CN=Intruder");
        });
        VEvent event = (VEvent) ical4j(ics).getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty(Property.SUMMARY).orElseThrow().getValue())
                .isEqualTo("Pipeline ATTENDEE:mailto:intruder@example.com[31m");
        assertThat(event.getProperty(Property.DESCRIPTION).orElseThrow().getValue()).doesNotContain("\u0007", "\r")
                .contains("Topic\nwith a bell");
        List<String> attendees = event.getProperties(Property.ATTENDEE).stream().map(p -> ((Property) p).getValue())
                .toList();
        assertThat(attendees).containsExactlyInAnyOrder("mailto:ann@example.com", "mailto:sam@example.com",
                "mailto:olga@example.com");
        assertThat(event.getProperties(Property.ATTENDEE).stream()
                .map(p -> ((Property) p).getParameter(Parameter.CN).orElseThrow().getValue()))
                .contains("Ann ATTENDEE;CN=Intruder:mailto:intruder@example.com");

        Path file = write("controls", ics);
        ifDebiansIcalendarIsThere(() -> {
            JsonNode read = python(List.of(file)).get(0).get("events").get(0);
            assertThat(read.get("summary").asString()).isEqualTo("Pipeline ATTENDEE:mailto:intruder@example.com[31m");
            assertThat(read.get("description").asString()).doesNotContain("\u0007", "\r").contains("Topic\nwith a bell");
            assertThat(read.get("attendees").findValuesAsString("address")).containsExactlyInAnyOrder(
                    "mailto:ann@example.com", "mailto:sam@example.com", "mailto:olga@example.com");
            assertThat(read.get("attendees").findValuesAsString("cn")).contains(
                    "Ann ATTENDEE;CN=Intruder:mailto:intruder@example.com");
        });
    }

    @Test
    void aFirstStartInADaylightSavingGapMovesOnlyTheMeetingsInAGap() throws Exception {
        // Europe/Berlin has no 02:00–03:00 on 28 March 2027.
        List<ZonedDateTime> fromTheGap = Recurrence.expand(LocalDateTime.of(2027, 3, 28, 2, 30), BERLIN,
                "FREQ=WEEKLY;BYDAY=SU;COUNT=3");
        List<ZonedDateTime> acrossTheGap = Recurrence.expand(LocalDateTime.of(2027, 3, 21, 2, 30), BERLIN,
                "FREQ=WEEKLY;BYDAY=SU;UNTIL=20270404T235959Z");

        assertThat(fromTheGap).extracting(ZonedDateTime::toLocalTime).containsExactly(LocalTime.of(3, 30),
                LocalTime.of(2, 30), LocalTime.of(2, 30));
        assertThat(acrossTheGap).extracting(ZonedDateTime::toLocalTime).containsExactly(LocalTime.of(2, 30),
                LocalTime.of(3, 30), LocalTime.of(2, 30));

        String ics = calendar(series("Early", LocalDateTime.of(2027, 3, 28, 2, 30), BERLIN, "FREQ=WEEKLY;BYDAY=SU;COUNT=3"));
        assertThat(ics).as("the start as asked for, which calendar programs move on that one day only")
                .contains("DTSTART;TZID=Europe/Berlin:20270328T023000", "DTEND;TZID=Europe/Berlin:20270328T031500");
        VEvent event = (VEvent) ical4j(ics).getComponent("VEVENT").orElseThrow();
        assertThat(((ZonedDateTime) event.getDateTimeStart().getDate()).toInstant())
                .isEqualTo(fromTheGap.get(0).toInstant());
        Path file = write("gap", ics);
        ifDebiansIcalendarIsThere(() -> {
            JsonNode read = python(List.of(file)).get(0).get("events").get(0);
            assertThat(read.get("start").asString()).isEqualTo(fromTheGap.get(0).toInstant().toString());
            if (!read.get("startByVtimezone").isNull()) {
                assertThat(read.get("startByVtimezone").asString()).isEqualTo(fromTheGap.get(0).toInstant().toString());
            }
        });
    }

    private Series series(String title, LocalDateTime first, ZoneId zone, String rrule) {
        return series(title, first, zone, rrule, new Purpose("Pipeline", "Three actions each"), sponsor.id());
    }

    private Series series(String title, LocalDateTime first, ZoneId zone, String rrule, Purpose purpose,
            PersonId attendee) {
        Series.Terms terms = new Series.Terms(title, new Series.Schedule(first, zone, 45, rrule),
                new Series.Invitees(sponsor.id(), List.of(attendee), List.of()), purpose);
        return Series.plan(new SeriesId(UUID.randomUUID()), terms, organizer.id(), Instant.parse("2026-12-01T10:00:00Z"));
    }

    private String calendar(Series s) {
        return new IcsWriter(id -> Optional.ofNullable(people.get(id)), Instant.parse("2026-12-01T10:00:00Z"), "https://sk.example.com")
                .series(s, List.of()).write(IcsWriter.Method.REQUEST);
    }

    private static PersonSummary person(String name, String email) {
        return new PersonSummary(new PersonId(UUID.randomUUID()), email, name, Department.SALES, AppRole.MANAGER, null,
                BERLIN, WorkingHours.standard(), null, true);
    }

    private static Calendar ical4j(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    /** Every TZID a date of an event names. */
    private static List<String> tzidsUsed(Calendar calendar) {
        return calendar.getComponents("VEVENT").stream().flatMap(e -> e.getProperties().stream())
                .map(p -> p.getParameter(Parameter.TZID)).flatMap(Optional::stream).map(Parameter::getValue)
                .distinct().toList();
    }

    private Path write(String name, String ics) throws IOException {
        return Files.writeString(files.resolve(name + ".ics"), ics, StandardCharsets.UTF_8);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    /** What python3-icalendar reads from each file, in order (see calendar/read-ics.py). */
    private static JsonNode python(List<Path> calendars) throws Exception {
        Path script = Path.of(CalendarClientsTests.class.getResource("/calendar/read-ics.py").toURI());
        List<String> command = new ArrayList<>(List.of(DEBIAN_PYTHON.toString(), script.toString()));
        calendars.forEach(c -> command.add(c.toString()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("python3-icalendar finished").isTrue();
        assertThat(process.exitValue()).as("python3-icalendar read every calendar").isZero();
        return JsonMapper.builder().build().readTree(out);
    }

    interface Check {
        void run() throws Exception;
    }

    /** Runs the second parser's half when Debian's python3-icalendar is installed (CI: must be). */
    private static void ifDebiansIcalendarIsThere(Check check) throws Exception {
        boolean present;
        try {
            Process probe = new ProcessBuilder(DEBIAN_PYTHON.toString(), "-c", "import icalendar").start();
            present = probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        }
        catch (IOException ex) {
            present = false;
        }
        if ("required".equals(System.getenv("SMARTKETING_BROWSER_TESTS")) && !present) {
            throw new IllegalStateException("Debian's python3-icalendar is required here but missing: "
                    + "apt-get install python3-icalendar");
        }
        Assumptions.assumeTrue(present, "Debian's python3-icalendar is not installed");
        check.run();
    }
}
