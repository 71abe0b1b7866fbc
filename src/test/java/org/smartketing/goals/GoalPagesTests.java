package org.smartketing.goals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.goals.plan.Goal;
import org.smartketing.goals.plan.GoalPlanning;
import org.smartketing.goals.plan.GoalStore;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.people.Person;
import org.smartketing.team.teams.Teams;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The goal pages in the product's words: the list with status, the goal with its chart and tables, the forms. */
@IntegrationTest
class GoalPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Teams teams;

    @Autowired
    GoalPlanning planning;

    @Autowired
    GoalStore store;

    GoalTeam team;

    @BeforeEach
    void team() {
        team = GoalTeam.of(fixtures, teams);
    }

    @Test
    void theListAndTheGoalPageShowStatusChartActivitiesAndRevisionsInPlainWords() throws Exception {
        Goal goal = planning.set(team.fortyCustomers(), team.as(team.rep()));
        String list = page(get("/goals?team=" + team.id()), team.marketer());
        assertThat(list).contains("40 new customers").contains("Not endorsed yet").doesNotContain(">NOT_DUE<");
        String page = page(get("/goals/" + goal.id()), team.marketer());
        assertThat(page).contains("<svg class=\"goal-chart\"").contains("polyline class=\"planned\"")
                .contains("Demos").contains("10 a week").contains(team.rep().displayName()).contains("Webinars")
                .contains("10 demos → 2 new customers").contains("As first set (version 1)")
                .doesNotContain(">DEMO<").doesNotContain(">NEW_CUSTOMERS<").doesNotContain(" style=")
                .doesNotContainPattern("<script(?![^>]*src=)");
        assertThat(page(get("/goals/mine"), team.rep())).contains("40 new customers").contains("Demos");
    }

    @Test
    void aGoalIsSetOnItsPageAndABadOwnerIsShownWithNothingStored() throws Exception {
        String refused = page(form(team.outsider()), team.rep());
        assertThat(refused).contains("Activity 1, owners: ").contains("is not a member of the goal");
        assertThat(store.list(team.id(), null, null, 10)).isEmpty();

        MvcResult created = mvc.perform(form(team.rep())
                .param("activities[1].type", "CONTENT").param("activities[1].target", "2").param("activities[1].per", "MONTH")
                .param("activities[1].ownerIds", team.marketer().id().toString())
                .with(user(Fixtures.signedIn(team.rep()))).with(csrf())).andReturn();
        assertThat(created.getResponse().getRedirectedUrl()).startsWith("/goals/");
        assertThat(store.list(team.id(), null, null, 10)).singleElement()
                .satisfies(g -> assertThat(g.plan().activities()).hasSize(2));
    }

    private MockHttpServletRequestBuilder form(Person callsOwner) {
        return post("/goals").param("teamId", team.id().toString()).param("title", "Pipeline")
                .param("measure", "SQLS").param("target", "30").param("periodKind", "QUARTER")
                .param("quarter", GoalTeam.thisQuarter().quarter()).param("zone", "Europe/Berlin").param("cadence", "WEEKLY")
                .param("activities[0].type", "CALL").param("activities[0].target", "25").param("activities[0].per", "WEEK")
                .param("activities[0].ownerIds", callsOwner.id().toString());
    }

    @Test
    void theHeadsEndorseOnThePageAndAReviewThatDropsAnActivityMakesARevision() throws Exception {
        Goal goal = planning.set(team.fortyCustomers(), team.as(team.rep()));
        for (Person head : new Person[] { team.headOfSales(), team.headOfMarketing() }) {
            mvc.perform(post("/goals/" + goal.id() + "/endorsements").param("version", "1")
                    .with(user(Fixtures.signedIn(head))).with(csrf())).andReturn();
        }
        assertThat(page(get("/goals/" + goal.id()), team.rep())).contains("Endorsed v1");
        mvc.perform(post("/goals/" + goal.id() + "/reviews").param("version", "1").param("note", "No webinar budget")
                .param("rows[0].activityId", goal.plan().activities().get(1).id().toString()).param("rows[0].decision", "DROP")
                .with(user(Fixtures.signedIn(team.rep()))).with(csrf())).andReturn();
        String page = page(get("/goals/" + goal.id()), team.rep());
        assertThat(page).contains("Endorsed v1, changed since").contains("Webinars dropped").contains("No webinar budget");
        assertThat(planning.get(goal.id()).version()).isEqualTo(2);
    }

    private String page(MockHttpServletRequestBuilder request, Person as) throws Exception {
        MvcResult result = mvc.perform(request.with(user(Fixtures.signedIn(as))).with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }
}
