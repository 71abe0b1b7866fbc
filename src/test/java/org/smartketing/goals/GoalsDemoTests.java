package org.smartketing.goals;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smartketing.goals.plan.Goal;
import org.smartketing.goals.plan.GoalPlanning;
import org.smartketing.goals.plan.GoalStore;
import org.smartketing.goals.progress.GoalProgress;
import org.smartketing.goals.progress.GoalReport;
import org.smartketing.goals.progress.Status;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The demo company's goals: the mixed team's "40 new customers" with eight weeks behind it, and one at risk. */
@IntegrationTest
class GoalsDemoTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    GoalStore store;

    @Autowired
    GoalPlanning planning;

    @Autowired
    GoalProgress progress;

    @Autowired
    Clock clock;

    @Test
    void theDemoHasAnEndorsedAdjustedCustomerGoalWithEightWeeksOfHistoryAndAGoalAtRisk() throws Exception {
        fixtures.emptyDatabase();
        mvc.perform(post("/setup").with(csrf()).param("displayName", "Ada Admin").param("email", "ada@example.com")
                .param("password", "first admin password").param("timeZone", "UTC").param("demoCompany", "true"));

        List<Goal> goals = store.list(null, null, null, 10);
        Goal customers = goals.stream().filter(g -> g.title().equals("40 new customers this quarter")).findFirst().orElseThrow();
        assertThat(customers.version()).isEqualTo(2);
        assertThat(planning.endorsements(customers).label()).isEqualTo("Endorsed v2");
        assertThat(planning.revisions(customers.id()).get(1).reason()).startsWith("Carlos onboards two new reps");
        GoalReport report = progress.report(customers, clock.instant());
        assertThat(report.activities()).allSatisfy(a -> assertThat(a.pace().actual()).as(a.activity().kind().label()).isPositive());
        GoalReport.ActivityProgress demos = report.activities().get(0);
        assertThat(demos.teamTotal()).as("the head of sales' demos count for the team only").isGreaterThan((long) demos.pace().actual());
        assertThat(report.outcome().pace().actual()).as("the funnel demo's customers").isPositive();
        assertThat(report.outcome().target()).isEqualTo(40.0);
        assertThat(report.status()).as("the funnel demo's eight weeks bring fewer customers than 40 would need")
                .isIn(Status.AT_RISK, Status.OFF_TRACK);
        assertThat(report.flags()).isEmpty();

        Goal emea = goals.stream().filter(g -> g.title().equals("80 SQLs from EMEA")).findFirst().orElseThrow();
                assertThat(progress.report(emea, clock.instant()).status()).isEqualTo(Status.AT_RISK);
        assertThat(planning.endorsements(emea).label()).as("endorsed by its sponsor").isEqualTo("Endorsed v1");
    }
}
