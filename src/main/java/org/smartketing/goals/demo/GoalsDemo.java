package org.smartketing.goals.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.smartketing.activity.ActivityLog;
import org.smartketing.activity.ActivitySource;
import org.smartketing.activity.ActivityType;
import org.smartketing.activity.NewActivity;
import org.smartketing.goals.plan.Change;
import org.smartketing.goals.plan.Goal;
import org.smartketing.goals.plan.GoalPlanning;
import org.smartketing.goals.plan.NewGoal;
import org.smartketing.goals.plan.Outcome;
import org.smartketing.goals.plan.Period;
import org.smartketing.goals.plan.PlannedActivity;
import org.smartketing.team.DemoCompanyFilled;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamDirectory;
import org.smartketing.team.TeamId;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo company's goals, each with eight weeks behind it: the revenue team's "40 new customers"
 * for the thirteen weeks that began eight weeks ago (marketing and sales activities, their history
 * in the activity log, one adjustment with its reason, endorsed by both heads before and after it),
 * and the EMEA pod's SQL goal, at risk. The outcomes count the funnel demo's own history
 * (through the funnel's figures), so nothing of the funnel is made up here.
 */
@Component
class GoalsDemo {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final GoalPlanning planning;
    private final ActivityLog activities;
    private final TeamDirectory directory;
    private final Clock clock;

    GoalsDemo(GoalPlanning planning, ActivityLog activities, TeamDirectory directory, Clock clock) {
        this.planning = planning;
        this.activities = activities;
        this.directory = directory;
        this.clock = clock;
    }

    /** Synchronous on purpose, inside the transaction that creates the demo company (see FunnelDemo). */
    @EventListener
    void fill(DemoCompanyFilled filled) {
        Map<String, PersonSummary> people = directory.enabledPeople().stream()
                .collect(Collectors.toMap(PersonSummary::displayName, Function.identity()));
        Instant now = clock.instant();
        LocalDate start = LocalDate.ofInstant(now, LONDON).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(8);
        Instant setAt = start.atTime(9, 0).atZone(LONDON).toInstant();
        Random random = new Random(20260601L);
        newCustomers(filled.teamId(), people, start, setAt, now, random);
        emeaSqls(people, start, setAt, now, random);
    }

    private void newCustomers(TeamId team, Map<String, PersonSummary> p, LocalDate start, Instant setAt, Instant now,
            Random random) {
        NewGoal goal = new NewGoal(team.value(), "40 new customers this quarter",
                new Period.Input(null, null, start, start.plusWeeks(13).minusDays(1)), LONDON.getId(),
                new Outcome.Input("NEW_CUSTOMERS", new BigDecimal("40"), null), "WEEKLY", null, List.of(
                        PlannedActivity.Input.of("DEMO", 6, "WEEK", ids(p, "Emma Johansson", "Hannah Kim"), 10, new BigDecimal("3")),
                        PlannedActivity.Input.of("CALL", 40, "WEEK", ids(p, "Carlos Mendes", "Emma Johansson"), 40, new BigDecimal("1")),
                        PlannedActivity.Input.of("WEBINAR", 1, "MONTH", ids(p, "Liam Okafor"), 1, new BigDecimal("4")),
                        PlannedActivity.Input.of("CONTENT", 2, "MONTH", ids(p, "Sofia Rossi"), null, null)));
        Goal set = planning.setAt(goal, as(p.get("Maya Chen")), setAt);
        endorse(set, 1, p, setAt.plus(Duration.ofDays(1)));
        Instant adjusted = setAt.plus(Duration.ofDays(29));
        planning.reviseAt(set.id(), new Change(1, "Carlos onboards two new reps in weeks 5 to 8: fewer calls until he is back",
                null, List.of(new PlannedActivity.Input(set.plan().activities().get(1).id(), null, 30, null, null, null, null))),
                as(p.get("Daniel Weber")), adjusted);
        endorse(set, 2, p, adjusted.plus(Duration.ofHours(20)));
        for (int week = 0; week < 8; week++) {
            LocalDate monday = start.plusWeeks(week);
            log(p, "Emma Johansson", ActivityType.DEMO, monday, 3, now, random);
            log(p, "Hannah Kim", ActivityType.DEMO, monday, 2 + random.nextInt(2), now, random);
            log(p, "Carlos Mendes", ActivityType.CALL, monday, week >= 4 && week < 8 ? 12 : 24, now, random);
            log(p, "Emma Johansson", ActivityType.CALL, monday, 16, now, random);
            log(p, "Daniel Weber", ActivityType.DEMO, monday, week % 3 == 0 ? 1 : 0, now, random); // not an owner
            if (week % 4 == 1) {
                log(p, "Liam Okafor", ActivityType.WEBINAR, monday, 1, now, random);
            }
            if (week % 2 == 0) {
                log(p, "Sofia Rossi", ActivityType.CONTENT, monday, 1, now, random);
            }
        }
    }

    private void emeaSqls(Map<String, PersonSummary> p, LocalDate start, Instant setAt, Instant now, Random random) {
        TeamId emea = directory.teams().stream().filter(t -> t.getValue().equals("EMEA pod")).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        if (emea == null) {
            return;
        }
        NewGoal goal = new NewGoal(emea.value(), "80 SQLs from EMEA", new Period.Input(null, null, start,
                start.plusWeeks(13).minusDays(1)), LONDON.getId(), new Outcome.Input("SQLS", new BigDecimal("80"), null),
                "FORTNIGHTLY", ids(p, "Grace Adeyemi").get(0), List.of(
                        PlannedActivity.Input.of("EVENT", 1, "MONTH", ids(p, "Sofia Rossi"), 1, new BigDecimal("8")),
                        PlannedActivity.Input.of("CALL", 25, "WEEK", ids(p, "Emma Johansson"), 25, new BigDecimal("3"))));
        Goal set = planning.setAt(goal, as(p.get("Daniel Weber")), setAt);
        planning.endorseAt(set.id(), 1, as(p.get("Grace Adeyemi")), setAt.plus(Duration.ofDays(2)));
        for (int week = 0; week < 8; week++) {
            LocalDate monday = start.plusWeeks(week);
            if (week % 4 == 2) {
                log(p, "Sofia Rossi", ActivityType.EVENT, monday, 1, now, random);
            }
        }
    }

    private void endorse(Goal goal, int version, Map<String, PersonSummary> p, Instant at) {
        planning.endorseAt(goal.id(), version, as(p.get("Daniel Weber")), at);
        planning.endorseAt(goal.id(), version, as(p.get("Maya Chen")), at.plus(Duration.ofHours(3)));
    }

    /** {@code count} activities of the person spread over the working days of the week from {@code monday}. */
    private void log(Map<String, PersonSummary> p, String name, ActivityType type, LocalDate monday, int count, Instant now,
            Random random) {
        PersonSummary person = p.get(name);
        for (int i = 0; i < count; i++) {
            Instant at = monday.plusDays(random.nextInt(5)).atTime(9 + random.nextInt(8), random.nextInt(60))
                    .atZone(person.zone()).toInstant();
            if (at.isBefore(now)) {
                activities.log(new NewActivity(type, person.id(), at, null, null, null, ActivitySource.MANUAL));
            }
        }
    }

    private static List<java.util.UUID> ids(Map<String, PersonSummary> p, String... names) {
        return java.util.Arrays.stream(names).map(n -> p.get(n).id().value()).toList();
    }

    private static SignedInPerson as(PersonSummary p) {
        return new SignedInPerson(p.id(), p.email(), p.displayName(), p.appRole(), p.department(), p.zone(), true, null,
                Set.of());
    }
}
