package org.smartketing.meetings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.smartketing.meetings.running.FollowThroughRecords;
import org.smartketing.meetings.running.FollowThroughRecords.Counts;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-through as other parts read it: of the committed action items that are due (or already
 * closed), how many were done by the date promised in the meeting, done late, not done yet, or
 * dropped; by owner, by the owner's department (now), by series family; and the ratings and flags
 * of closed meetings. An item counts as committed when its author committed to their plan in that
 * meeting; items not yet due and still open are not judged. A period, when given, is of the dates
 * promised ({@code firstDueOn}) for items and of the start for meetings, [from, to) in UTC days.
 * Counted by the database with aggregates; the owners are looked up in one batch.
 */
@Service
@Transactional(readOnly = true)
public class FollowThrough {

    /**
     * One owner's, department's or series family's items.
     *
     * @param id        the person's or family's id; null for a department
     * @param committed committed items that are due or closed (what is judged)
     * @param rate      done on time ÷ committed; null when nothing is judged
     */
    public record Rate(UUID id, String name, int committed, int doneOnTime, int doneLate, int notDone, int dropped,
            Double rate) {

        static Rate of(UUID id, String name, int committed, int onTime, int late, int notDone, int dropped) {
            return new Rate(id, name, committed, onTime, late, notDone, dropped,
                    committed == 0 ? null : (double) onTime / committed);
        }

        Rate plus(Rate other) {
            return of(id, name, committed + other.committed, doneOnTime + other.doneOnTime, doneLate + other.doneLate,
                    notDone + other.notDone, dropped + other.dropped);
        }
    }

    public record SeriesRating(UUID familyId, String series, int ratings, Double average) {
    }

    public record Flag(UUID meetingId, String series, Instant startsAt, String problem) {
    }

    public record Report(List<Rate> byPerson, List<Rate> byDepartment, List<Rate> bySeries, List<SeriesRating> ratings,
            List<Flag> flagged) {
    }

    private final FollowThroughRecords records;
    private final TeamDirectory directory;
    private final Clock clock;

    FollowThrough(FollowThroughRecords records, TeamDirectory directory, Clock clock) {
        this.records = records;
        this.directory = directory;
        this.clock = clock;
    }

    /** Everything so far. */
    public Report report() {
        return report(null, null);
    }

    /**
     * The period [from, to); either may be null to leave it open.
     *
     * @throws InvalidFieldException naming {@code to} when it is not after {@code from}
     */
    public Report report(LocalDate from, LocalDate to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidFieldException("to", "must be after from");
        }
        Map<UUID, String> titles = records.familyTitles();
        List<Rate> people = byPerson(from, to);
        Instant start = from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to == null ? null : to.atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Report(people, byDepartment(people), bySeries(from, to, titles), ratings(start, end, titles),
                flagged(start, end, titles));
    }

    /** By owner, by name. */
    public List<Rate> byPerson(LocalDate from, LocalDate to) {
        List<Counts> counts = records.counts("owner_id", today(), from, to);
        Map<PersonId, PersonSummary> people = directory.people(counts.stream().map(c -> new PersonId(c.key())).toList());
        return counts.stream().map(c -> rate(c, name(people.get(new PersonId(c.key())))))
                .sorted(Comparator.comparing(Rate::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** By the owners' departments (as they are now), in the departments' order. */
    public List<Rate> byDepartment(LocalDate from, LocalDate to) {
        return byDepartment(byPerson(from, to));
    }

    /** By series family (a split series stays one), by title. */
    public List<Rate> bySeries(LocalDate from, LocalDate to) {
        return bySeries(from, to, records.familyTitles());
    }

    private List<Rate> byDepartment(List<Rate> people) {
        Map<PersonId, PersonSummary> known = directory.people(people.stream().map(r -> new PersonId(r.id())).toList());
        Map<Department, Rate> byDepartment = new EnumMap<>(Department.class);
        List<Rate> unknown = new ArrayList<>();
        for (Rate person : people) {
            PersonSummary p = known.get(new PersonId(person.id()));
            if (p == null) {
                unknown.add(person);
                continue;
            }
            Rate asDepartment = Rate.of(null, p.department().label(), person.committed(), person.doneOnTime(),
                    person.doneLate(), person.notDone(), person.dropped());
            byDepartment.merge(p.department(), asDepartment, Rate::plus);
        }
        List<Rate> rates = new ArrayList<>(byDepartment.values());
        unknown.stream().map(r -> Rate.of(null, "?", r.committed(), r.doneOnTime(), r.doneLate(), r.notDone(),
                r.dropped())).reduce(Rate::plus).ifPresent(rates::add);
        return rates;
    }

    private List<Rate> bySeries(LocalDate from, LocalDate to, Map<UUID, String> titles) {
        return records.counts("family_id", today(), from, to).stream()
                .map(c -> rate(c, titles.getOrDefault(c.key(), "?")))
                .sorted(Comparator.comparing(Rate::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    private List<SeriesRating> ratings(Instant from, Instant to, Map<UUID, String> titles) {
        return records.ratings(from, to).stream()
                .map(r -> new SeriesRating(r.familyId(), titles.getOrDefault(r.familyId(), "?"), r.ratings(), r.average()))
                .sorted(Comparator.comparing(SeriesRating::series, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    private List<Flag> flagged(Instant from, Instant to, Map<UUID, String> titles) {
        List<Flag> flags = new ArrayList<>();
        records.flagged(from, to).forEach(m -> {
            String title = titles.getOrDefault(m.familyId(), "?");
            if (m.withoutEndGoal()) {
                flags.add(new Flag(m.meetingId(), title, m.startsAt(), "ended without an end goal"));
            }
            if (m.withoutItems()) {
                flags.add(new Flag(m.meetingId(), title, m.startsAt(), "ended without action plans"));
            }
        });
        return flags;
    }

    private static Rate rate(Counts c, String name) {
        return Rate.of(c.key(), name, c.due(), c.doneOnTime(), c.doneLate(), c.notDone(), c.dropped());
    }

    private static String name(PersonSummary person) {
        return person == null ? "?" : person.displayName();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
