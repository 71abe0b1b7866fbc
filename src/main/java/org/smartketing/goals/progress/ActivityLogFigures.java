package org.smartketing.goals.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.smartketing.activity.ActivityCounts;
import org.smartketing.activity.ActivityCounts.By;
import org.smartketing.activity.ActivityType;
import org.smartketing.team.PersonId;
import org.springframework.stereotype.Component;

/**
 * The one place goals read the activity log, through its face {@link ActivityCounts}, which
 * answers from its hourly rollup: for a goal, one grouped query (per day of the goal's zone, by
 * person and type) gives every activity of its plan, each summing the days it counts.
 */
@Component
class ActivityLogFigures {

    private final ActivityCounts counts;

    ActivityLogFigures(ActivityCounts counts) {
        this.counts = counts;
    }

    /** Activities of the type each person did in [from, to); everyone given is present, with 0 if none. */
    Map<PersonId, Long> byPerson(ActivityType type, Collection<PersonId> people, Instant from, Instant to) {
        Map<PersonId, Long> result = new LinkedHashMap<>();
        people.forEach(p -> result.put(p, 0L));
        if (from.isBefore(to) && !people.isEmpty()) {
            counts.counts(ActivityCounts.Query.between(from, to).types(type).people(people).by(By.PERSON))
                    .forEach(c -> result.merge(c.person(), c.count(), Long::sum));
        }
        return result;
    }

    /**
     * The counts of the types by the people per day of the zone in [from, to) — one query; a
     * period that starts on a midnight of the zone gives whole days, the last one up to {@code to}.
     */
    Daily daily(Set<ActivityType> types, Collection<PersonId> people, Instant from, Instant to, ZoneId zone) {
        Map<ActivityType, Map<LocalDate, Map<PersonId, Long>>> days = new HashMap<>();
        if (from.isBefore(to) && !types.isEmpty() && !people.isEmpty()) {
            counts.counts(ActivityCounts.Query.between(from, to).in(zone).per(ActivityCounts.Per.DAY)
                    .types(types.toArray(ActivityType[]::new)).people(people).by(By.PERSON, By.TYPE))
                    .forEach(c -> days.computeIfAbsent(c.type(), t -> new HashMap<>())
                            .computeIfAbsent(c.period(), d -> new HashMap<>()).merge(c.person(), c.count(), Long::sum));
        }
        return new Daily(days);
    }

    /** Activities per type, day and person, as one query answered them. */
    record Daily(Map<ActivityType, Map<LocalDate, Map<PersonId, Long>>> days) {

        /** What each person did of the type from {@code first} to {@code last} (days included); everyone is present. */
        Map<PersonId, Long> byPerson(ActivityType type, Collection<PersonId> people, LocalDate first, LocalDate last) {
            Map<PersonId, Long> result = new LinkedHashMap<>();
            people.forEach(p -> result.put(p, 0L));
            days.getOrDefault(type, Map.of()).forEach((day, byPerson) -> {
                if (!day.isBefore(first) && !day.isAfter(last)) {
                    byPerson.forEach((p, n) -> result.computeIfPresent(p, (k, v) -> v + n));
                }
            });
            return result;
        }
    }
}
