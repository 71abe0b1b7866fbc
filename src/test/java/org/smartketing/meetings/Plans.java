package org.smartketing.meetings;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.smartketing.meetings.planning.MeetingPlanning;
import org.smartketing.team.people.Person;

/** Series plans for tests. */
public final class Plans {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private Plans() {
    }

    /** A weekly series on next week's Thursday at 09:00 Berlin, {@code count} meetings. */
    static MeetingPlanning.SeriesPlan weekly(String title, int count, Person sponsor, Person... attendees) {
        return weekly(title, nextThursday(), count, sponsor, attendees);
    }

    public static MeetingPlanning.SeriesPlan weekly(String title, LocalDateTime start, int count, Person sponsor,
            Person... attendees) {
        return new MeetingPlanning.SeriesPlan(title, start, BERLIN.getId(), 45,
                "FREQ=WEEKLY;BYDAY=" + start.getDayOfWeek().name().substring(0, 2) + ";COUNT=" + count,
                sponsor.id().value(), Arrays.stream(attendees).map(p -> p.id().value()).toList(), List.of(),
                "Pipeline for next quarter", "Each of us leaves with three actions that add pipeline");
    }

    static LocalDateTime nextThursday() {
        LocalDate d = LocalDate.now(BERLIN).plusDays(7);
        while (d.getDayOfWeek() != java.time.DayOfWeek.THURSDAY) {
            d = d.plusDays(1);
        }
        return d.atTime(LocalTime.of(9, 0));
    }
}
