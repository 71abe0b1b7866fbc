package org.smartketing.goals.progress;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.smartketing.goals.plan.CheckIn;
import org.smartketing.goals.plan.Goal;
import org.smartketing.goals.plan.PlannedActivity;
import org.smartketing.team.PersonId;

/**
 * A goal's progress at a moment: the outcome against its plan, each activity against its own
 * (owners' actuals, the team's total, the assumption observed), the chart's points and the flags.
 */
public record GoalReport(Goal goal, Instant at, OutcomeProgress outcome, List<ActivityProgress> activities,
        List<Point> chart, List<String> flags) {

    /** The outcome: its pace (actual, planned to date, forecast) and the latest check-in, if any. */
    public record OutcomeProgress(double target, Pace pace, CheckIn latestCheckIn) {
    }

    /**
     * One activity: {@code pace} counts its owners' activities only; {@code teamTotal} everyone in
     * the team, owners or not; {@code conversion} is {@code null} without an assumption.
     */
    public record ActivityProgress(PlannedActivity activity, Pace pace, Map<PersonId, Long> byOwner, long teamTotal,
            Conversion conversion) {
    }

    /** The outcome at the end of a week: planned by then, and the actual once the week has come. */
    public record Point(Instant at, double planned, Double actual) {
    }

    public Status status() {
        return outcome.pace().status();
    }
}
