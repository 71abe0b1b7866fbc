package org.smartketing.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.smartketing.activity.counts.CountReading;
import org.smartketing.activity.log.Activities;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How other parts read the activity log without touching its tables: counts by type, person and
 * department over a period, cut into the days, weeks or months of a zone. Answered from the
 * {@code activity_count} rollup, which every change to the log keeps current in its own
 * transaction (see docs/architecture.md). Periods run from {@code from} inclusive to {@code to}
 * exclusive, compared with when an activity occurred.
 *
 * <p>"Demos by owners A and B per week in Q1":
 * {@code counts(Query.dates(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1), zone).per(Per.WEEK)
 * .by(By.PERSON).people(a, b).types(ActivityType.DEMO))}.
 */
@Service
@Transactional(readOnly = true)
public class ActivityCounts {

    /** How finely a period is cut: into days, weeks (from Monday), months of the query's zone, or not at all. */
    public enum Per {
        DAY, WEEK, MONTH, PERIOD
    }

    /** What the counts are told apart by; what is not named is added up. */
    public enum By {
        PERSON, TYPE, DEPARTMENT
    }

    /** The most pieces one query may cut its period into (a little under three years of days). */
    public static final int MOST_PIECES = 1000;

    /**
     * What to count. An empty filter set means all of them.
     *
     * @param zone whose days, weeks and months {@code per} cuts the period into
     */
    public record Query(Instant from, Instant to, ZoneId zone, Per per, Set<By> by, Set<PersonId> people,
            Set<ActivityType> types, Set<Department> departments) {

        public Query {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            zone = zone == null ? ZoneOffset.UTC : zone;
            per = per == null ? Per.PERIOD : per;
            by = by == null || by.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(by));
            people = people == null ? Set.of() : Set.copyOf(people);
            types = types == null ? Set.of() : Set.copyOf(types);
            departments = departments == null ? Set.of() : Set.copyOf(departments);
        }

        /** Between two instants, as one period in UTC until told otherwise. */
        public static Query between(Instant from, Instant to) {
            return new Query(from, to, ZoneOffset.UTC, Per.PERIOD, Set.of(), Set.of(), Set.of(), Set.of());
        }

        /** From the start of {@code from} to the start of {@code to} (exclusive) in the zone. */
        public static Query dates(LocalDate from, LocalDate to, ZoneId zone) {
            return between(from.atStartOfDay(zone).toInstant(), to.atStartOfDay(zone).toInstant()).in(zone);
        }

        public Query in(ZoneId zone) {
            return new Query(from, to, zone, per, by, people, types, departments);
        }

        public Query per(Per per) {
            return new Query(from, to, zone, per, by, people, types, departments);
        }

        public Query by(By... by) {
            return new Query(from, to, zone, per, Set.of(by), people, types, departments);
        }

        public Query people(PersonId... people) {
            return people(Arrays.asList(people));
        }

        public Query people(Collection<PersonId> people) {
            return new Query(from, to, zone, per, by, Set.copyOf(people), types, departments);
        }

        public Query types(ActivityType... types) {
            return new Query(from, to, zone, per, by, people, Set.of(types), departments);
        }

        public Query departments(Department... departments) {
            return new Query(from, to, zone, per, by, people, types, Set.of(departments));
        }
    }

    /**
     * How many activities one piece of the period holds for one combination of what was asked
     * {@code by}; what was not asked is {@code null} (and so is a department unknown for
     * activities logged before departments were kept).
     *
     * @param period the first day of the piece in the query's zone (a Monday for weeks, the 1st
     *               for months), also when the query's period begins later in it
     */
    public record Count(LocalDate period, PersonId person, ActivityType type, Department department, long count) {

        public static final Comparator<Count> ORDER = Comparator.comparing(Count::period)
                .thenComparing(c -> c.person() == null ? "" : c.person().toString())
                .thenComparing(c -> c.type() == null ? -1 : c.type().ordinal())
                .thenComparing(c -> c.department() == null ? -1 : c.department().ordinal());
    }

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");

    private final Activities activities;
    private final CountReading reading;

    ActivityCounts(Activities activities, CountReading reading) {
        this.activities = activities;
        this.reading = reading;
    }

    /**
     * The counts, in order of period, person, type and department; pieces and combinations
     * without any activity are left out.
     *
     * @throws InvalidFieldException naming {@code to} when it is not after {@code from}, or
     *         {@code per} when the period would be cut into more than {@link #MOST_PIECES}
     */
    public List<Count> counts(Query query) {
        if (!query.from().isBefore(query.to())) {
            throw new InvalidFieldException("to", "must be after from");
        }
        if (estimate(query) > MOST_PIECES) {
            throw new InvalidFieldException("per", "cuts the period into more than " + MOST_PIECES + " pieces");
        }
        return reading.counts(query);
    }

    /** How many activities of the type occurred in the period, by the person or, given {@code null}, by anyone. */
    public long count(ActivityType type, PersonId personOrNull, Instant from, Instant to) {
        Objects.requireNonNull(type, "type");
        Query query = whole(from, to).types(type);
        return total(personOrNull == null ? query : query.people(personOrNull));
    }

    /** How many activities of each type occurred in the period; every type is present, with 0 if none. */
    public Map<ActivityType, Long> countByType(Instant from, Instant to) {
        Map<ActivityType, Long> counts = new EnumMap<>(ActivityType.class);
        for (ActivityType type : ActivityType.values()) {
            counts.put(type, 0L);
        }
        Query query = whole(from, to);
        if (query.from().isBefore(query.to())) {
            reading.counts(query.by(By.TYPE)).forEach(c -> counts.merge(c.type(), c.count(), Long::sum));
        }
        return counts;
    }

    /** Everything logged about the lead, newest first. */
    public List<Activity> forLead(UUID leadId) {
        return activities.forLead(Objects.requireNonNull(leadId, "leadId"));
    }

    private static Query whole(Instant from, Instant to) {
        return Query.between(from == null ? EARLIEST : from, to == null ? LATEST : to);
    }

    private long total(Query query) {
        if (!query.from().isBefore(query.to())) {
            return 0;
        }
        return reading.counts(query).stream().mapToLong(Count::count).sum();
    }

    private static long estimate(Query query) {
        long days = java.time.Duration.between(query.from(), query.to()).toDays() + 1;
        return switch (query.per()) {
            case DAY -> days;
            case WEEK -> days / 7 + 1;
            case MONTH -> days / 28 + 1;
            case PERIOD -> 1;
        };
    }
}
