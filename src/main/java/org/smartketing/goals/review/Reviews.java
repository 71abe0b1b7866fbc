package org.smartketing.goals.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.smartketing.goals.GoalId;
import org.smartketing.goals.plan.Change;
import org.smartketing.goals.plan.Goal;
import org.smartketing.goals.plan.GoalPlanning;
import org.smartketing.goals.plan.PlannedActivity;
import org.smartketing.goals.plan.Texts;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.team.SignedInPerson;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holding a review: each activity is kept, adjusted or dropped (and the outcome target may move).
 * Anything but keeping everything is one adjustment of the goal, a revision with the review's
 * note as its reason; the due review (or, held early, one of today) is recorded as held.
 */
@Service
@Transactional
public class Reviews {

    /** What a review decided for one activity: KEEP, ADJUST (with a new target, period or owners) or DROP. */
    public record Decision(UUID activityId, String decision, Integer target, String per, List<UUID> ownerIds) {
    }

    /** A review as held: decisions for the activities it names (others are kept), an optional new outcome target. */
    public record Held(Integer version, String note, java.math.BigDecimal outcomeTarget, List<Decision> decisions,
            List<PlannedActivity.Input> added) {

        public Held {
            decisions = decisions == null ? List.of() : List.copyOf(decisions);
            added = added == null ? List.of() : List.copyOf(added);
        }
    }

    private final GoalPlanning planning;
    private final ReviewStore store;
    private final Clock clock;

    Reviews(GoalPlanning planning, ReviewStore store, Clock clock) {
        this.planning = planning;
        this.store = store;
        this.clock = clock;
    }

    public Goal hold(GoalId id, Held held, SignedInPerson me) {
        Goal goal = planning.get(id);
        planning.requireMayChange(goal, me);
        List<PlannedActivity.Input> changes = new ArrayList<>();
        for (int i = 0; i < held.decisions().size(); i++) {
            Decision d = held.decisions().get(i);
            String field = "decisions[" + i + "]";
            if (d.activityId() == null) {
                throw new InvalidFieldException(field + ".activityId", "is required");
            }
            switch (decision(field, d.decision())) {
                case "KEEP" -> { }
                case "DROP" -> changes.add(new PlannedActivity.Input(d.activityId(), null, null, null, null, null, true));
                default -> changes.add(new PlannedActivity.Input(d.activityId(), null, d.target(), d.per(), d.ownerIds(),
                        null, null));
            }
        }
        held.added().forEach(a -> changes.add(new PlannedActivity.Input(null, a.type(), a.target(), a.per(), a.ownerIds(),
                a.assumption(), null)));
        Goal after = goal;
        if (!changes.isEmpty() || held.outcomeTarget() != null) {
            after = planning.revise(id, new Change(held.version(), held.note(), held.outcomeTarget(), changes), me);
        }
        else {
            goal.requireVersion(held.version());
        }
        Instant now = clock.instant();
        store.hold(id, goal.period().today(now), me.id(), after.version(), Texts.plain("note", held.note(), 500), now);
        return after;
    }

    @Transactional(readOnly = true)
    public List<Review> of(GoalId goal) {
        return store.of(goal);
    }

    private static String decision(String field, String value) {
        String d = value == null ? "KEEP" : value.strip().toUpperCase(Locale.ROOT);
        if (!List.of("KEEP", "ADJUST", "DROP").contains(d)) {
            throw new InvalidFieldException(field + ".decision", "must be KEEP, ADJUST or DROP");
        }
        return d;
    }
}
