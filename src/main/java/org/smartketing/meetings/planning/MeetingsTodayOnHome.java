package org.smartketing.meetings.planning;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.smartketing.team.HomeSection;
import org.smartketing.team.SignedInPerson;
import org.smartketing.web.Times;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** My day: the meetings I take part in today (in my zone), soonest first; one that runs now stands out. */
@Component
@Order(40)
class MeetingsTodayOnHome implements HomeSection {

    private static final int MOST = 20;

    private final MeetingStore meetings;
    private final SeriesStore series;
    private final Times times;
    private final Clock clock;

    MeetingsTodayOnHome(MeetingStore meetings, SeriesStore series, Times times, Clock clock) {
        this.meetings = meetings;
        this.series = series;
        this.times = times;
        this.clock = clock;
    }

    @Override
    public Optional<Card> shownTo(SignedInPerson viewer) {
        Instant now = clock.instant();
        ZoneId zone = viewer.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant dayStarts = today.atStartOfDay(zone).toInstant();
        Instant dayEnds = today.plusDays(1).atStartOfDay(zone).toInstant();
        List<Row> rows = meetings.upcomingFor(viewer.id(), dayStarts, MOST).stream()
                .filter(m -> m.startsAt().isBefore(dayEnds) && m.status() != Meeting.Status.CANCELLED)
                .map(m -> row(m, now)).toList();
        return Optional.of(new Card("day-meetings", "My meetings today", rows.size(), rows,
                "No meeting for you today.", "/meetings", "All my meetings"));
    }

    private Row row(Meeting m, Instant now) {
        String title = series.byId(m.seriesId()).map(Series::title).orElse("A meeting")
                + (m.topic() == null || m.topic().isBlank() ? "" : ": " + m.topic());
        String when = times.when(m.startsAt(), now) + "–" + times.when(m.endsAt(), now);
        boolean running = m.status() == Meeting.Status.RUNNING;
        String detail = running ? when + ", running now" : m.status() == Meeting.Status.CLOSED ? when + ", closed" : when;
        return new Row(title, "/meetings/" + m.id(), detail, running);
    }
}
