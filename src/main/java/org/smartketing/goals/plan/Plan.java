package org.smartketing.goals.plan;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What a version of a goal says: the outcome and the activities, dropped ones included. */
public record Plan(Outcome outcome, List<PlannedActivity> activities) {

    public Plan {
        activities = List.copyOf(activities);
    }

    public List<PlannedActivity> active() {
        return activities.stream().filter(a -> !a.dropped()).toList();
    }

    public Optional<PlannedActivity> activity(UUID id) {
        return activities.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
