package org.smartketing.goals.progress;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.smartketing.team.HomeSection;
import org.smartketing.team.SignedInPerson;
import org.smartketing.web.Times;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * My day: the activities I own in running goals, this week's (or month's) share planned and what I
 * have done so far; one behind its plan stands out.
 */
@Component
@Order(45)
class ActivitiesOnHome implements HomeSection {

    private final GoalProgress progress;
    private final Times times;
    private final Clock clock;

    ActivitiesOnHome(GoalProgress progress, Times times, Clock clock) {
        this.progress = progress;
        this.times = times;
        this.clock = clock;
    }

    @Override
    public Optional<Card> shownTo(SignedInPerson viewer) {
        List<Row> rows = progress.thisWeek(viewer.id(), clock.instant()).stream().map(this::row).toList();
        return Optional.of(new Card("day-goals", "My goal activities this week", rows.size(), rows,
                "You own no activity of a running goal.", "/goals/mine", "My activities this week"));
    }

    private Row row(GoalProgress.ThisPeriod r) {
        long planned = Math.round(r.slice().planned());
        return new Row(r.activity().kind().label() + " for " + r.goal().title(), "/goals/" + r.goal().id(),
                r.done() + " of " + planned + " done, " + times.day(r.slice().first()) + " to " + times.day(r.slice().last()),
                false);
    }
}
