package org.smartketing.goals;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.goals.plan.GoalPlanning;
import org.smartketing.goals.plan.GoalStore;
import org.smartketing.meetings.planning.MeetingPlanning;
import org.smartketing.meetings.planning.MeetingStore;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.people.Person;
import org.smartketing.team.teams.Teams;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** The 15-minute goal session over the API: the whole flow to a draft goal, and each bad input refused, nothing stored. */
@IntegrationTest
class GoalSessionApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Teams teams;

    @Autowired
    JsonMapper json;

    @Autowired
    GoalPlanning planning;

    @Autowired
    GoalStore goals;

    @Autowired
    MeetingPlanning meetings;

    @Autowired
    MeetingStore meetingStore;

    @Autowired
    JdbcClient jdbc;

    GoalTeam team;

    @BeforeEach
    void team() {
        team = GoalTeam.of(fixtures, teams);
    }

    String aSession() {
        return """
                {"teamId": "%s", "title": "40 new customers", "period": {"quarter": "%s"}, "zone": "Europe/Berlin",
                 "outcome": {"measure": "NEW_CUSTOMERS", "target": 40}}""".formatted(team.id(), GoalTeam.thisQuarter().quarter());
    }

    @Test
    void aSessionRunsFromTheOutcomeThroughVotesTargetsAndCommitmentsToADraftGoal() throws Exception {
        MvcResult created = call(post("/api/v1/goal-sessions"), team.marketer(), aSession());
        assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
        String session = created.getResponse().getHeader(HttpHeaders.LOCATION);
        JsonNode started = body(created);
        assertThat(started.get("step").asString()).isEqualTo("OUTCOME");
        assertThat(started.get("stepClock").get("limitSeconds").asInt()).isEqualTo(120);
        assertThat(started.get("totalClock").get("limitSeconds").asInt()).isEqualTo(900);
        assertThat(started.get("participants")).as("who starts it joins").hasSize(1);
        ok(call(post(session + "/participants"), team.rep(), null));
        ok(call(post(session + "/participants"), team.headOfSales(), null));

        ok(call(post(session + "/step"), team.rep(), "{\"step\": \"PROPOSE\"}"));
        ok(call(post(session + "/proposals"), team.rep(), "{\"type\": \"DEMO\", \"note\": \"Demos close deals\"}"));
        ok(call(post(session + "/proposals"), team.marketer(), "{\"type\": \"WEBINAR\"}"));
        JsonNode proposed = body(ok(call(post(session + "/proposals"), team.headOfSales(), "{\"type\": \"CALL\"}")));
        assertThat(proposed.get("proposals")).hasSize(3);
        String demo = idOf(proposed, "DEMO");
        String webinar = idOf(proposed, "WEBINAR");
        String call = idOf(proposed, "CALL");

        ok(call(post(session + "/step"), team.marketer(), "{\"step\": \"VOTE\"}"));
        for (Person p : List.of(team.rep(), team.marketer(), team.headOfSales())) {
            ok(call(post(session + "/votes"), p, "{\"proposalId\": \"" + demo + "\"}"));
        }
        ok(call(post(session + "/votes"), team.marketer(), "{\"proposalId\": \"" + webinar + "\"}"));
        JsonNode voted = body(ok(call(post(session + "/votes"), team.rep(), "{\"proposalId\": \"" + webinar + "\"}")));
        assertThat(voted.get("proposals").get(0).get("type").asString()).as("most votes first").isEqualTo("DEMO");
        assertThat(voted.get("proposals").get(0).get("votes").asInt()).isEqualTo(3);
        assertThat(voted.get("proposals").get(2).get("id").asString()).isEqualTo(call);

        ok(call(post(session + "/step"), team.rep(), "{\"step\": \"TARGETS\"}"));
        ok(call(put(session + "/proposals/" + demo), team.rep(),
                "{\"target\": 10, \"per\": \"WEEK\", \"ownerIds\": [\"%s\"]}".formatted(team.rep().id())));
        JsonNode targeted = body(ok(call(put(session + "/proposals/" + webinar), team.marketer(),
                "{\"target\": 1, \"per\": \"MONTH\", \"ownerIds\": [\"%s\"]}".formatted(team.marketer().id()))));
        assertThat(targeted.get("proposals").get(0).get("picked").asBoolean()).isTrue();

        ok(call(post(session + "/step"), team.rep(), "{\"step\": \"COMMIT\"}"));
        ok(call(post(session + "/commitments"), team.rep(), "{\"text\": \"Ten demos every week\"}"));
        ok(call(post(session + "/commitments"), team.marketer(), "{\"text\": \"A webinar each month\"}"));
        JsonNode drafted = body(ok(call(post(session + "/step"), team.headOfSales(), "{\"step\": \"DRAFTED\"}")));
        assertThat(drafted.get("step").asString()).isEqualTo("DRAFTED");
        String goalId = drafted.get("goalId").asString();

        JsonNode goal = body(ok(call(get("/api/v1/goals/" + goalId), team.rep(), null)));
        assertThat(goal.get("draft").asBoolean()).as("a draft for endorsement").isTrue();
        assertThat(goal.get("title").asString()).isEqualTo("40 new customers");
        assertThat(goal.get("activities")).hasSize(2);
        assertThat(goal.get("activities").get(0).get("type").asString()).isEqualTo("DEMO");
        assertThat(goal.get("commitments")).hasSize(2);
        MvcResult after = call(post(session + "/proposals"), team.rep(), "{\"type\": \"EMAIL\"}");
        assertThat(after.getResponse().getStatus()).as("a drafted session changes no more").isEqualTo(409);
    }

    @Test
    void anOverrunIsShownNotBlocked() throws Exception {
        String session = call(post("/api/v1/goal-sessions"), team.rep(), aSession()).getResponse()
                .getHeader(HttpHeaders.LOCATION);
        String id = session.substring(session.lastIndexOf('/') + 1);
        jdbc.sql("UPDATE goal_session SET step_started_at = step_started_at - INTERVAL '3' MINUTE, "
                + "started_at = started_at - INTERVAL '16' MINUTE WHERE id = CAST(? AS UUID)").param(id).update();
        JsonNode late = body(ok(call(get(session), team.rep(), null)));
        assertThat(late.get("stepClock").get("overrun").asBoolean()).isTrue();
        assertThat(late.get("totalClock").get("overrun").asBoolean()).isTrue();
        ok(call(post(session + "/proposals"), team.rep(), "{\"type\": \"DEMO\"}"));
    }

    @Test
    void aFourthVoteIsRefusedNamingTheFieldAndNotStored() throws Exception {
        String session = call(post("/api/v1/goal-sessions"), team.rep(), aSession()).getResponse()
                .getHeader(HttpHeaders.LOCATION);
        for (String type : List.of("DEMO", "CALL", "WEBINAR", "EMAIL")) {
            ok(call(post(session + "/proposals"), team.rep(), "{\"type\": \"" + type + "\"}"));
        }
        JsonNode s = body(ok(call(get(session), team.rep(), null)));
        for (int i = 0; i < 3; i++) {
            ok(call(post(session + "/votes"), team.rep(), "{\"proposalId\": \"" + s.get("proposals").get(i).get("id").asString() + "\"}"));
        }
        MvcResult fourth = call(post(session + "/votes"), team.rep(),
                "{\"proposalId\": \"" + s.get("proposals").get(3).get("id").asString() + "\"}");
        refused(fourth, "proposalId");
        assertThat(body(call(get(session), team.rep(), null)).get("proposals").findValues("votes").stream()
                .mapToInt(JsonNode::asInt).sum()).isEqualTo(3);
    }

    @Test
    void committingWithoutJoiningIsRefusedNamingTheFieldAndNotStored() throws Exception {
        String session = call(post("/api/v1/goal-sessions"), team.rep(), aSession()).getResponse()
                .getHeader(HttpHeaders.LOCATION);
        refused(call(post(session + "/commitments"), team.marketer(), "{\"text\": \"I will\"}"), "participant");
        JsonNode s = body(call(get(session), team.rep(), null));
        assertThat(s.get("participants")).hasSize(1);
        assertThat(s.get("participants").get(0).has("commitment")).isFalse();
        assertThat(call(post(session + "/participants"), team.outsider(), null).getResponse().getStatus())
                .as("someone outside the team does not join").isEqualTo(403);
    }

    @Test
    void aTargetOfZeroOrAnOwnerOutsideTheTeamIsRefusedNamingTheFieldAndNotStored() throws Exception {
        String session = call(post("/api/v1/goal-sessions"), team.rep(), aSession()).getResponse()
                .getHeader(HttpHeaders.LOCATION);
        String demo = idOf(body(ok(call(post(session + "/proposals"), team.rep(), "{\"type\": \"DEMO\"}"))), "DEMO");
        refused(call(put(session + "/proposals/" + demo), team.rep(),
                "{\"target\": 0, \"ownerIds\": [\"%s\"]}".formatted(team.rep().id())), "target");
        refused(call(put(session + "/proposals/" + demo), team.rep(),
                "{\"target\": 5, \"ownerIds\": [\"%s\"]}".formatted(team.outsider().id())), "ownerIds");
        refused(call(post(session + "/proposals"), team.rep(), "{\"type\": \"COLD_FAX\"}"), "type");
        JsonNode s = body(call(get(session), team.rep(), null));
        assertThat(s.get("proposals")).hasSize(1);
        assertThat(s.get("proposals").get(0).has("target")).isFalse();
        assertThat(s.get("proposals").get(0).get("ownerIds")).isEmpty();
        refused(call(post(session + "/step"), team.rep(), "{\"step\": \"DRAFTED\"}"), "activities");
        refused(call(post("/api/v1/goal-sessions"), team.rep(), aSession().replace("\"target\": 40", "\"target\": -1")),
                "outcome.target");
    }

    @Test
    void aSessionStartedFromAMeetingTakesItsTeamAndTopic() throws Exception {
        var start = java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(3).withNano(0);
        var planned = meetings.create(new MeetingPlanning.SeriesPlan("Quarterly planning", start, "Europe/Berlin", 45, null,
                team.headOfSales().id().value(), List.of(team.rep().id().value(), team.marketer().id().value()),
                List.of(team.id().value()), "Goals for next quarter", "A goal everyone commits to"), team.as(team.headOfSales()));
        var meeting = meetingStore.ofSeries(planned.series().id()).get(0);
        MvcResult created = call(post("/api/v1/goal-sessions"), team.rep(), """
                {"meetingId": "%s", "period": {"quarter": "%s"}, "outcome": {"measure": "SQLS", "target": 60}}"""
                .formatted(meeting.id(), GoalTeam.thisQuarter().quarter()));
        assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
        JsonNode s = body(created);
        assertThat(s.get("teamId").asString()).isEqualTo(team.id().toString());
        assertThat(s.get("title").asString()).isEqualTo("Goals for next quarter");
        assertThat(s.get("meetingId").asString()).isEqualTo(meeting.id().toString());
        refused(call(post("/api/v1/goal-sessions"), team.rep(),
                "{\"meetingId\": \"%s\"}".formatted(java.util.UUID.randomUUID())), "meetingId");
    }

    private static String idOf(JsonNode session, String type) {
        for (JsonNode p : session.get("proposals")) {
            if (p.get("type").asString().equals(type)) {
                return p.get("id").asString();
            }
        }
        throw new AssertionError("no proposal " + type);
    }

    private MvcResult ok(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isBetween(200, 299);
        return result;
    }

    private void refused(MvcResult result, String field) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(400);
        assertThat(body(result).get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private MvcResult call(MockHttpServletRequestBuilder request, Person as, String body) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.tokenFor(as, TokenScope.READ_WRITE));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andReturn();
    }

    private JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }
}
