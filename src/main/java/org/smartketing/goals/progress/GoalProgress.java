package org.smartketing.goals.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.smartketing.activity.ActivityType;
import org.smartketing.goals.GoalId;
import org.smartketing.goals.plan.ActivityKind;
import org.smartketing.goals.plan.CheckIn;
import org.smartketing.goals.plan.CheckIns;
import org.smartketing.goals.plan.Goal;
import org.smartketing.goals.plan.GoalStore;
import org.smartketing.goals.plan.Measure;
import org.smartketing.goals.plan.Per;
import org.smartketing.goals.plan.Period;
import org.smartketing.goals.plan.PlannedActivity;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress counted, never stored: the outcome from the funnel's stage changes (or the latest
 * check-in), each activity from the log, the funnel or meetings, for its owners and for the whole
 * team. An activity by someone who is not among its owners counts only in the team total.
 */
@Service
@Transactional(readOnly = true)
public class GoalProgress {

    private final Tallies tallies;
    private final ActivityLogFigures log;
    private final FunnelProgress funnel;
    private final CheckIns checkIns;
    private final GoalStore goals;
    private final TeamDirectory directory;

    GoalProgress(Tallies tallies, ActivityLogFigures log, FunnelProgress funnel, CheckIns checkIns, GoalStore goals,
            TeamDirectory directory) {
        this.tallies = tallies;
        this.log = log;
        this.funnel = funnel;
        this.checkIns = checkIns;
        this.goals = goals;
        this.directory = directory;
    }

    public GoalReport report(Goal goal, Instant now) {
        List<CheckIn> history = checkIns.of(goal.id());
        Outcomes outcomes = outcomes(List.of(goal), now);
        GoalReport.OutcomeProgress outcome = outcome(goal, history, outcomes, now);
        Set<PersonId> team = new LinkedHashSet<>(directory.membersOf(goal.teamId()).stream().map(PersonSummary::id).toList());
        ActivityLogFigures.Daily logged = logged(goal, team, now);
        List<GoalReport.ActivityProgress> activities = new ArrayList<>();
        for (PlannedActivity a : goal.plan().activities()) {
            activities.add(activity(goal, a, team, logged, outcome.pace().actual(), now));
        }
        return new GoalReport(goal, now, outcome, activities, chart(goal, history, outcomes, now), flags(goal));
    }

    /** The outcome only: its pace as of now and the latest check-in. */
    public GoalReport.OutcomeProgress outcome(Goal goal, Instant now) {
        return outcomes(List.of(goal), now).of(goal);
    }

    /**
     * The outcomes of many goals (the goals list) in a few queries whatever their number: the
     * funnel's stage entries over all their periods at once, the check-ins of those counted by
     * check-in at once; only leads accepted within the SLA are counted goal by goal.
     */
    public Outcomes outcomes(List<Goal> list, Instant now) {
        Set<Measure> measures = list.stream().map(g -> g.plan().outcome().measure()).collect(Collectors.toSet());
        LocalDate first = list.stream().map(g -> g.period().startsOn()).min(Comparator.naturalOrder()).orElse(null);
        LocalDate end = list.stream().map(g -> g.period().endsOn().plusDays(1)).max(Comparator.naturalOrder()).orElse(null);
        FunnelProgress.Entries entries = first == null ? new FunnelProgress.Entries(Map.of())
                : funnel.entries(measures, first, end);
        Map<GoalId, List<CheckIn>> history = checkIns.of(list.stream().filter(g -> g.plan().outcome().measure().byCheckIn())
                .map(Goal::id).toList());
        return new Outcomes(this, entries, history, now);
    }

    /** The outcomes {@link #outcomes} read, each goal's computed from them. */
    public static final class Outcomes {

        private final GoalProgress progress;
        private final FunnelProgress.Entries entries;
        private final Map<GoalId, List<CheckIn>> history;
        private final Instant now;

        private Outcomes(GoalProgress progress, FunnelProgress.Entries entries, Map<GoalId, List<CheckIn>> history,
                Instant now) {
            this.progress = progress;
            this.entries = entries;
            this.history = history;
            this.now = now;
        }

        public GoalReport.OutcomeProgress of(Goal goal) {
            return progress.outcome(goal, history.getOrDefault(goal.id(), List.of()), this, now);
        }
    }

    /** Each running goal's activities the person owns, with what is planned and done in the current week or month. */
    public List<ThisPeriod> thisWeek(PersonId person, Instant now) {
        List<ThisPeriod> rows = new ArrayList<>();
        for (Goal goal : goals.ownedBy(person, LocalDate.ofInstant(now, java.time.ZoneOffset.UTC))) {
            for (PlannedActivity a : goal.plan().active()) {
                if (!a.ownedBy(person)) {
                    continue;
                }
                LocalDate today = goal.period().today(now);
                Slice.of(a.since(), last(goal.period(), a), a.per(), a.target(), goal.period().zone()).stream()
                        .filter(s -> !today.isBefore(s.first()) && !today.isAfter(s.last())).findFirst()
                        .ifPresent(s -> {
                            Pace.Window w = Pace.window(s.first(), s.last(), goal.period().zone(), now);
                            long done = tallies.byPerson(a.kind(), List.of(person), w.from(), w.to()).get(person);
                            rows.add(new ThisPeriod(goal, a, s, done));
                        });
            }
        }
        rows.sort(Comparator.comparing((ThisPeriod r) -> r.goal().title()).thenComparing(r -> r.activity().kind()));
        return rows;
    }

    /** One activity a person owns, in the week or month running now: planned (a share if it is cut) and done. */
    public record ThisPeriod(Goal goal, PlannedActivity activity, Slice slice, long done) {
    }

    private GoalReport.OutcomeProgress outcome(Goal goal, List<CheckIn> history, Outcomes outcomes, Instant now) {
        Period p = goal.period();
        double target = goal.plan().outcome().target().doubleValue();
        double actual = actualAt(goal, history, outcomes, now);
        Pace pace = Pace.of(p.startsOn(), p.endsOn(), Per.WEEK, target * 7 / p.days(), p.zone(), now, actual);
        CheckIn latest = history.stream().filter(c -> !c.at().isAfter(now)).reduce((a, b) -> b).orElse(null);
        return new GoalReport.OutcomeProgress(target, pace, latest);
    }

    private double actualAt(Goal goal, List<CheckIn> history, Outcomes outcomes, Instant at) {
        Measure measure = goal.plan().outcome().measure();
        if (measure.byCheckIn()) {
            return history.stream().filter(c -> !c.at().isAfter(at) && c.value() != null).reduce((a, b) -> b)
                    .map(c -> c.value().doubleValue()).orElse(0.0);
        }
        Pace.Window w = Pace.window(goal.period().startsOn(), goal.period().endsOn(), goal.period().zone(), at);
        if (!w.from().isBefore(w.to())) {
            return 0;
        }
        if (!FunnelProgress.byStageEntries(measure)) {
            return funnel.acceptedWithinSla(w.from(), w.to());
        }
        // The days of the period up to the one the window ends in (the funnel's days are UTC days of those dates).
        LocalDate end = LocalDate.ofInstant(w.to().minusNanos(1), goal.period().zone()).plusDays(1);
        return outcomes.entries.of(measure, goal.period().startsOn(), end);
    }

    /** The goal's activities counted from the log, all of them in one query of its face. */
    private ActivityLogFigures.Daily logged(Goal goal, Set<PersonId> team, Instant now) {
        Set<ActivityType> types = goal.plan().activities().stream().map(a -> a.kind().activityType())
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Set<PersonId> everyone = new LinkedHashSet<>(team);
        goal.plan().activities().forEach(a -> everyone.addAll(a.owners()));
        LocalDate first = goal.plan().activities().stream().map(PlannedActivity::since).min(Comparator.naturalOrder())
                .orElse(goal.period().startsOn());
        Pace.Window w = Pace.window(first, goal.period().endsOn(), goal.period().zone(), now);
        return log.daily(types, everyone, w.from(), w.to(), goal.period().zone());
    }

    private GoalReport.ActivityProgress activity(Goal goal, PlannedActivity a, Set<PersonId> team,
            ActivityLogFigures.Daily logged, double outcomes, Instant now) {
        Period p = goal.period();
        LocalDate last = last(p, a);
        Pace.Window w = Pace.window(a.since(), last, p.zone(), now);
        Set<PersonId> everyone = new LinkedHashSet<>(team);
        everyone.addAll(a.owners());
        Map<PersonId, Long> all = a.kind().source() == ActivityKind.Source.ACTIVITY_LOG
                ? logged.byPerson(a.kind().activityType(), everyone, a.since(), last)
                : tallies.byPerson(a.kind(), everyone, w.from(), w.to());
        Map<PersonId, Long> byOwner = new java.util.LinkedHashMap<>();
        a.owners().forEach(o -> byOwner.put(o, all.getOrDefault(o, 0L)));
        long ownersTotal = byOwner.values().stream().mapToLong(Long::longValue).sum();
        long teamTotal = team.stream().mapToLong(t -> all.getOrDefault(t, 0L)).sum();
        Pace pace = Pace.of(a.since(), last, a.per(), a.target(), p.zone(), now, ownersTotal);
        Conversion conversion = a.assumption() == null ? null : Conversion.of(a.assumption(), ownersTotal, outcomes);
        return new GoalReport.ActivityProgress(a, pace, byOwner, teamTotal, conversion);
    }

    /** The weeks' ends: the plan to date at each, and the actual at each that has come. */
    private List<GoalReport.Point> chart(Goal goal, List<CheckIn> history, Outcomes outcomes, Instant now) {
        Period p = goal.period();
        double perWeek = goal.plan().outcome().target().doubleValue() * 7 / p.days();
        List<GoalReport.Point> points = new ArrayList<>();
        points.add(new GoalReport.Point(p.start(), 0, p.start().isAfter(now) ? null : 0.0));
        double planned = 0;
        for (Slice s : Slice.of(p.startsOn(), p.endsOn(), Per.WEEK, perWeek, p.zone())) {
            planned += s.planned();
            points.add(new GoalReport.Point(s.end(), planned, s.endedBy(now) ? actualAt(goal, history, outcomes, s.end()) : null));
        }
        return points;
    }

    private List<String> flags(Goal goal) {
        Set<org.smartketing.team.Department> departments = directory.people(goal.owners()).values().stream()
                .map(PersonSummary::department).collect(Collectors.toSet());
        String flag = Departments.flag(departments);
        return flag == null ? List.of() : List.of(flag);
    }

    static LocalDate last(Period p, PlannedActivity a) {
        LocalDate last = a.dropped() ? a.droppedOn().minusDays(1) : p.endsOn();
        return last.isAfter(p.endsOn()) ? p.endsOn() : last;
    }
}
