package org.smartketing.meetings.planning;

import java.util.List;
import java.util.Optional;

import org.smartketing.team.SearchSection;
import org.smartketing.team.SignedInPerson;
import org.smartketing.web.Times;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Meeting series the viewer takes part in, found by title or topic, as the meetings page lists them. */
@Component
@Order(40)
class MeetingsInSearch implements SearchSection {

    private final SeriesStore series;
    private final Times times;

    MeetingsInSearch(SeriesStore series, Times times) {
        this.series = series;
        this.times = times;
    }

    @Override
    public Optional<Group> search(String text, SignedInPerson viewer, int limit) {
        List<Series> found = series.involving(viewer.id()).stream()
                .filter(s -> SearchSection.matches(s.title(), text) || SearchSection.matches(s.topic(), text)).toList();
        List<Hit> hits = found.stream().limit(limit).map(this::hit).toList();
        return Optional.of(new Group("meetings", "Meetings", hits, found.size() > limit ? "/meetings" : null));
    }

    private Hit hit(Series s) {
        String when = (s.recurring() ? "Series from " : "On ") + times.day(s.firstStart().toLocalDate());
        return new Hit(s.title(), s.cancelled() ? when + " · cancelled" : when, "/meetings/series/" + s.id());
    }
}
