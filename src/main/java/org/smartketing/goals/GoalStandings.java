package org.smartketing.goals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.smartketing.goals.plan.Goal;
import org.smartketing.goals.plan.GoalStore;
import org.smartketing.goals.progress.GoalProgress;
import org.smartketing.goals.progress.GoalReport;
import org.smartketing.team.TeamId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How other parts (insights) read the goals: each goal whose period overlaps some days, with its
 * outcome against the plan to date now, as the goal's own page shows it (drafts left out).
 */
@Service
@Transactional(readOnly = true)
public class GoalStandings {

    /** The most goals one read returns. */
    public static final int MOST = 500;

    /**
     * One goal's outcome now.
     *
     * @param measure       what the outcome counts, in plain words
     * @param plannedToDate the plan's slices already over
     * @param pace          actual ÷ planned to date; null while nothing is due
     * @param status        "On track", "At risk", "Off track" or "Nothing due yet"
     * @param forecast      where the actual ends up at the pace so far; null in the first day
     */
    public record Standing(GoalId goal, TeamId team, String title, LocalDate startsOn, LocalDate endsOn,
            String measure, String currency, double target, double actual, double plannedToDate, Double pace,
            String status, Double forecast) {
    }

    private final GoalStore goals;
    private final GoalProgress progress;
    private final Clock clock;

    GoalStandings(GoalStore goals, GoalProgress progress, Clock clock) {
        this.goals = goals;
        this.progress = progress;
        this.clock = clock;
    }

    /** Goals of the team (null: every team) overlapping the days {@code from} to {@code to} (both included), by start. */
    public List<Standing> overlapping(TeamId teamOrNull, LocalDate from, LocalDate to) {
        Instant now = clock.instant();
        List<Goal> list = goals.list(teamOrNull, from, to, MOST).stream().filter(g -> !g.draft()).toList();
        GoalProgress.Outcomes outcomes = progress.outcomes(list, now);
        return list.stream().map(g -> {
            GoalReport.OutcomeProgress o = outcomes.of(g);
            return new Standing(g.id(), g.teamId(), g.title(), g.period().startsOn(), g.period().endsOn(),
                    g.plan().outcome().measure().label(), g.plan().outcome().currency(), o.target(), o.pace().actual(),
                    o.pace().plannedToDate(), o.pace().ratio(), o.pace().status().label(), o.pace().forecast());
        }).toList();
    }
}
