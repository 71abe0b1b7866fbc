package org.smartketing.goals;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.goals.session.GoalSessions;
import org.smartketing.goals.session.SessionBoard;
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

/** The live goal session page: the live part alone for htmx, plain forms for every step, a refusal shown in words. */
@IntegrationTest
class GoalSessionPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Teams teams;

    @Autowired
    GoalSessions sessions;

    GoalTeam team;

    @BeforeEach
    void team() {
        team = GoalTeam.of(fixtures, teams);
    }

    @Test
    void participantsRunASessionOnItsPageWhichPollsItsLivePartWithoutInlineScripts() throws Exception {
        MvcResult started = mvc.perform(post("/goal-sessions").param("teamId", team.id().toString())
                .param("title", "40 new customers").param("measure", "NEW_CUSTOMERS").param("target", "40")
                .param("quarter", GoalTeam.thisQuarter().quarter()).with(user(Fixtures.signedIn(team.rep()))).with(csrf()))
                .andReturn();
        String location = started.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/goal-sessions/");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        send(post(location + "/participants"), team.marketer());
        send(post(location + "/proposals").param("type", "DEMO").param("note", "Demos close"), team.rep());
        SessionBoard b = sessions.board(id);
        UUID demo = b.proposals().get(0).id();
        send(post(location + "/votes").param("proposalId", demo.toString()), team.marketer());
        send(post(location + "/proposals/" + demo).param("target", "10").param("per", "WEEK")
                .param("ownerIds", team.rep().id().toString()), team.rep());
        send(post(location + "/commitments").param("text", "Ten demos a week"), team.rep());

        String page = page(get(location), team.marketer());
        assertThat(page).contains("hx-trigger=\"every 2s\"").contains("Session 00:").contains("of 15:00")
                .contains("Demos").contains("10 a week").doesNotContain("NEW_CUSTOMERS").contains("Committed: Ten demos a week").contains("Top pick")
                .doesNotContain(" style=").doesNotContainPattern("<script(?![^>]*src=)");
        String live = page(get(location).header("HX-Request", "true"), team.marketer());
        assertThat(live).startsWith("<div id=\"live\"").as("nothing typed is polled away")
                .doesNotContain("type=\"text\"").doesNotContain("type=\"number\"").contains("Demos").contains("button");

        MvcResult refused = mvc.perform(post(location + "/commitments").param("text", "I will")
                .with(user(Fixtures.signedIn(team.headOfMarketing()))).with(csrf())).andReturn();
        assertThat(refused.getFlashMap().get("flash").toString()).contains("not joined");
        send(post(location + "/step").param("step", "DRAFTED"), team.marketer());
        assertThat(page(get(location), team.rep())).contains("Drafted: open the goal");
        assertThat(sessions.board(id).session().goalId()).isNotNull();
    }

    private void send(MockHttpServletRequestBuilder request, Person as) throws Exception {
        MvcResult result = mvc.perform(request.with(user(Fixtures.signedIn(as))).with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getFlashMap().get("flash")).as("no refusal").isNull();
    }

    private String page(MockHttpServletRequestBuilder request, Person as) throws Exception {
        MvcResult result = mvc.perform(request.with(user(Fixtures.signedIn(as))).with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }
}
