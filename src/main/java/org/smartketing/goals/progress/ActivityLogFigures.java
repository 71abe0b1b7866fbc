package org.smartketing.goals.progress;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.smartketing.activity.ActivityCounts;
import org.smartketing.activity.ActivityType;
import org.smartketing.team.PersonId;
import org.springframework.stereotype.Component;

/**
 * The one place goals read the activity log, through its face {@link ActivityCounts}: one count
 * per person today; when the log offers grouped counts (per day, person and type, from its
 * rollup), only this class changes.
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
        for (PersonId person : people) {
            result.put(person, from.isBefore(to) ? counts.count(type, person, from, to) : 0L);
        }
        return result;
    }
}
