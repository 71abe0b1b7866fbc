package org.smartketing.meetings.running;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.smartketing.meetings.SeriesId;
import org.smartketing.meetings.planning.Meeting;
import org.smartketing.meetings.planning.MeetingStore;
import org.smartketing.meetings.planning.Series;
import org.smartketing.meetings.planning.SeriesStore;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-through: of the committed items that are due (or already closed), the share done by the
 * date promised in the meeting. An item counts as committed when its author committed to their
 * plan in that meeting; items not yet due and still open are not judged yet.
 */
@Service
@Transactional(readOnly = true)
public class Measures {

    public record Rate(String name, int committed, int doneOnTime, Double rate) {
    }

    public record SeriesRating(String series, int ratings, Double average) {
    }

    public record Flag(UUID meetingId, String series, java.time.Instant startsAt, String problem) {
    }

    public record Report(List<Rate> byPerson, List<Rate> byDepartment, List<Rate> bySeries, List<SeriesRating> ratings,
            List<Flag> flagged) {
    }

    private final RunnerStore store;
    private final MeetingStore meetings;
    private final SeriesStore series;
    private final TeamDirectory directory;
    private final Clock clock;

    Measures(RunnerStore store, MeetingStore meetings, SeriesStore series, TeamDirectory directory, Clock clock) {
        this.store = store;
        this.meetings = meetings;
        this.series = series;
        this.directory = directory;
        this.clock = clock;
    }

    public Report report() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Map<SeriesId, String> familyTitle = new LinkedHashMap<>();
        series.all().stream().sorted(Comparator.comparing(Series::createdAt))
                .forEach(s -> familyTitle.putIfAbsent(s.familyId(), s.title()));
        Map<PersonId, PersonSummary> people = new LinkedHashMap<>();
        List<ActionItem> judged = store.allItems().stream().filter(store::committed)
                .filter(i -> !i.open() || i.firstDueOn().isBefore(today)).toList();
        judged.forEach(i -> people.computeIfAbsent(i.ownerId(), id -> directory.person(id).orElse(null)));
        Function<ActionItem, String> person = i -> people.get(i.ownerId()) == null ? "?" : people.get(i.ownerId()).displayName();
        Function<ActionItem, String> department = i -> people.get(i.ownerId()) == null ? "?"
                : people.get(i.ownerId()).department().label();
        Function<ActionItem, String> family = i -> familyTitle.getOrDefault(i.familyId(), "?");
        List<SeriesRating> ratings = new ArrayList<>();
        List<Flag> flagged = new ArrayList<>();
        Map<SeriesId, List<Integer>> byFamily = new LinkedHashMap<>();
        for (Meeting m : meetings.closed()) {
            store.ratings(m.id()).forEach(r -> byFamily.computeIfAbsent(m.familyId(), k -> new ArrayList<>()).add(r.rating()));
            String title = familyTitle.getOrDefault(m.familyId(), "?");
            if (m.endGoal() == null) {
                flagged.add(new Flag(m.id().value(), title, m.startsAt(), "ended without an end goal"));
            }
            if (store.itemsOf(m.id()).isEmpty()) {
                flagged.add(new Flag(m.id().value(), title, m.startsAt(), "ended without action plans"));
            }
        }
        byFamily.forEach((f, r) -> ratings.add(new SeriesRating(familyTitle.getOrDefault(f, "?"), r.size(),
                r.stream().mapToInt(Integer::intValue).average().orElse(0))));
        return new Report(rates(judged, person), rates(judged, department), rates(judged, family), ratings, flagged);
    }

    private static List<Rate> rates(List<ActionItem> items, Function<ActionItem, String> key) {
        Map<String, int[]> counts = new java.util.TreeMap<>();
        for (ActionItem i : items) {
            int[] c = counts.computeIfAbsent(key.apply(i), k -> new int[2]);
            c[0]++;
            if (i.doneOnTime()) {
                c[1]++;
            }
        }
        return counts.entrySet().stream().map(e -> new Rate(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[0] == 0 ? null : (double) e.getValue()[1] / e.getValue()[0])).toList();
    }
}
