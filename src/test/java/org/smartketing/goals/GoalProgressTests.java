package org.smartketing.goals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.goals.plan.CheckIn;
import org.smartketing.goals.plan.CheckIns;
import org.smartketing.goals.plan.Goal;
import org.smartketing.goals.plan.GoalPlanning;
import org.smartketing.goals.plan.NewGoal;
import org.smartketing.goals.plan.Outcome;
import org.smartketing.goals.plan.PlannedActivity;
import org.smartketing.goals.progress.GoalProgress;
import org.smartketing.goals.progress.GoalReport;
import org.smartketing.meetings.ActionItemCompleted;
import org.smartketing.meetings.ActionItemId;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.people.Person;
import org.smartketing.team.teams.Teams;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Progress is counted from the other parts: activities logged through the API move the goal's
 * activities (owners' in the activity, everyone's in the team total), a lead reaching CUSTOMER
 * moves the outcome, an action item done counts for its owner, custom outcomes come by check-in.
 */
@IntegrationTest
class GoalProgressTests {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    Fixtures fixtures;

    @Autowired
    Teams teams;

    @Autowired
    GoalPlanning planning;

    @Autowired
    GoalProgress progress;

    @Autowired
    CheckIns checkIns;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    GoalTeam team;

    @BeforeEach
    void team() {
        team = GoalTeam.of(fixtures, teams);
    }

    @Test
    void activitiesLoggedThroughTheApiMoveTheOwnersActualAndANonOwnersOnlyTheTeamTotal() throws Exception {
        Goal goal = planning.set(team.fortyCustomers(), team.as(team.rep()));
        log(team.rep(), "DEMO");
        log(team.rep(), "DEMO");
        log(team.headOfSales(), "DEMO"); // in the team, not an owner of demos
        log(team.outsider(), "DEMO"); // not in the team at all
        log(team.marketer(), "WEBINAR");
        GoalReport report = progress.report(goal, clock.instant());
        GoalReport.ActivityProgress demos = report.activities().get(0);
        assertThat(demos.pace().actual()).isEqualTo(2);
        assertThat(demos.byOwner()).containsEntry(team.rep().id(), 2L);
        assertThat(demos.teamTotal()).isEqualTo(3);
        assertThat(report.activities().get(1).pace().actual()).isEqualTo(1);
        assertThat(report.flags()).isEmpty();
    }

    @Test
    void aLeadReachingCustomerMovesTheOutcome() throws Exception {
        Goal goal = planning.set(team.fortyCustomers(), team.as(team.rep()));
        double before = progress.outcome(goal, clock.instant()).pace().actual();
        String token = fixtures.tokenFor(team.headOfSales(), TokenScope.READ_WRITE);
        UUID lead = fixtures.aLead("DE").id().value();
        for (String to : List.of("MQL", "SAL", "SQL", "OPPORTUNITY", "CUSTOMER")) {
            String body = to.equals("OPPORTUNITY") ? "{\"to\": \"OPPORTUNITY\", \"amount\": 1000, \"currency\": \"EUR\"}"
                    : "{\"to\": \"" + to + "\"}";
            assertThat(mvc.perform(post("/api/v1/leads/" + lead + "/transitions").header(HttpHeaders.AUTHORIZATION,
                    "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn()
                    .getResponse().getStatus()).as(to).isEqualTo(200);
        }
        await("the customer is counted").atMost(WAIT)
                .until(() -> progress.outcome(goal, clock.instant()).pace().actual() == before + 1);
    }

    @Test
    void actionItemsDoneCountForTheirOwner() {
        Goal goal = planning.set(new NewGoal(team.id().value(), "Follow through", GoalTeam.thisQuarter(), "Europe/Berlin",
                new Outcome.Input("SQLS", BigDecimal.TEN, null), null, null, List.of(PlannedActivity.Input.of(
                        "ACTION_ITEM_DONE", 2, "WEEK", List.of(team.marketer().id().value()), null, null))),
                team.as(team.marketer()));
        transactions.executeWithoutResult(tx -> events.publishEvent(new ActionItemCompleted(UUID.randomUUID(),
                ActionItemId.random(), team.marketer().id(), "Send the webinar list", LocalDate.now(),
                LocalDate.now(), true, clock.instant(), org.smartketing.team.Actor.person(team.marketer().id(), team.marketer().department()))));
        await("the item is counted").atMost(WAIT)
                .until(() -> progress.report(goal, clock.instant()).activities().get(0).pace().actual() == 1);
    }

    @Test
    void aCustomOutcomeIsTheLatestCheckInAndEveryCheckInIsKept() {
        Goal goal = planning.set(new NewGoal(team.id().value(), "Case studies published", GoalTeam.thisQuarter(), null,
                new Outcome.Input("CUSTOM", new BigDecimal("6"), null), "MONTHLY", null, List.of(PlannedActivity.Input.of(
                        "CONTENT", 2, "MONTH", List.of(team.marketer().id().value(), team.rep().id().value()), null, null))),
                team.as(team.marketer()));
        checkIns.add(goal.id(), new CheckIn.Input(new BigDecimal("2"), 6, "Two drafts approved"), team.as(team.marketer()));
        checkIns.add(goal.id(), new CheckIn.Input(new BigDecimal("3"), 8, null), team.as(team.rep()));
        assertThat(checkIns.of(goal.id())).extracting(CheckIn::confidence).containsExactly(6, 8);
        GoalReport report = progress.report(goal, clock.instant().plusSeconds(1));
        assertThat(report.outcome().pace().actual()).isEqualTo(3);
        assertThat(report.outcome().latestCheckIn().comment()).isNull();
        assertThatThrownBy(() -> checkIns.add(goal.id(), new CheckIn.Input(null, 5, "no value"), team.as(team.rep())))
                .isInstanceOfSatisfying(InvalidFieldException.class, ex -> assertThat(ex.field()).isEqualTo("value"));
        assertThatThrownBy(() -> checkIns.add(goal.id(), new CheckIn.Input(BigDecimal.ONE, 11, null), team.as(team.rep())))
                .isInstanceOfSatisfying(InvalidFieldException.class, ex -> assertThat(ex.field()).isEqualTo("confidence"));
        assertThat(checkIns.of(goal.id())).hasSize(2);
    }

    @Test
    void aGoalOwnedByOneDepartmentOnlyIsFlagged() {
        Goal goal = planning.set(new NewGoal(team.id().value(), "Sales alone", GoalTeam.thisQuarter(), null,
                new Outcome.Input("SQLS", BigDecimal.TEN, null), null, null, List.of(PlannedActivity.Input.of("CALL", 20,
                        "WEEK", List.of(team.rep().id().value()), null, null))), team.as(team.rep()));
        assertThat(progress.report(goal, clock.instant()).flags()).singleElement().asString().startsWith("Only sales");
    }

    private void log(Person person, String type) throws Exception {
        String token = fixtures.tokenFor(person, TokenScope.READ_WRITE);
        int status = mvc.perform(post("/api/v1/activities").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"type\": \"" + type + "\", \"occurredAt\": \""
                        + clock.instant().minusSeconds(60) + "\"}"))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(201);
    }
}
