package org.smartketing.activity;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.smartketing.activity.log.Activities;
import org.smartketing.team.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How other parts read the activity log without touching its table. Periods run from {@code from}
 * inclusive to {@code to} exclusive, compared with when an activity occurred; either end may be
 * {@code null} to leave it open.
 */
@Service
@Transactional(readOnly = true)
public class ActivityCounts {

    private final Activities activities;

    ActivityCounts(Activities activities) {
        this.activities = activities;
    }

    /** How many activities of the type occurred in the period, by the person or, given {@code null}, by anyone. */
    public long count(ActivityType type, PersonId personOrNull, Instant from, Instant to) {
        Objects.requireNonNull(type, "type");
        return activities.count(new Activities.Filter(type, personOrNull, null, from, to));
    }

    /** How many activities of each type occurred in the period; every type is present, with 0 if none. */
    public Map<ActivityType, Long> countByType(Instant from, Instant to) {
        Map<ActivityType, Long> counts = new EnumMap<>(ActivityType.class);
        for (ActivityType type : ActivityType.values()) {
            counts.put(type, 0L);
        }
        counts.putAll(activities.countByType(from, to));
        return counts;
    }

    /** Everything logged about the lead, newest first. */
    public List<Activity> forLead(UUID leadId) {
        return activities.forLead(Objects.requireNonNull(leadId, "leadId"));
    }
}
