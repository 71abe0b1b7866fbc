package org.smartketing.goals;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.people.Person;
import org.smartketing.team.teams.Teams;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The goals API: set, read with progress, adjust, endorse, check in; bad input is refused naming the field. */
@IntegrationTest
class GoalApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Teams teams;

    @Autowired
    JsonMapper json;

    GoalTeam team;

    @BeforeEach
    void team() {
        team = GoalTeam.of(fixtures, teams);
    }

    String goal(String outcomeTarget, String period, String activityType, String owner) {
        return """
                {"teamId": "%s", "title": "40 new customers", "period": %s, "zone": "Europe/Berlin",
                 "outcome": {"measure": "NEW_CUSTOMERS", "target": %s}, "cadence": "WEEKLY",
                 "activities": [
                   {"type": "%s", "target": 10, "per": "WEEK", "ownerIds": ["%s"],
                    "assumption": {"activities": 10, "outcomes": 2}},
                   {"type": "WEBINAR", "target": 1, "per": "MONTH", "ownerIds": ["%s"]}]}"""
                .formatted(team.id(), period, outcomeTarget, activityType, owner, team.marketer().id());
    }

    String aGoal() {
        return goal("40", "{\"quarter\": \"" + GoalTeam.thisQuarter().quarter() + "\"}", "DEMO", team.rep().id().toString());
    }

    @Test
    void setsAGoalAndAnswersItWithItsOutcomeAndActivitiesProgress() throws Exception {
        MvcResult created = call(post("/api/v1/goals"), team.rep(), aGoal());
        assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
        String location = created.getResponse().getHeader(HttpHeaders.LOCATION);
        JsonNode goal = body(call(get(location), team.rep(), null));
        assertThat(goal.get("outcome").get("target").asInt()).isEqualTo(40);
        assertThat(goal.get("outcome").get("actual").isNumber()).as("the whole funnel's customers this quarter").isTrue();
        assertThat(goal.get("outcome").get("plannedToDate").isNumber()).isTrue();
        assertThat(goal.get("activities").get(0).get("type").asString()).isEqualTo("DEMO");
        assertThat(goal.get("activities").get(0).get("target").asInt()).isEqualTo(10);
        assertThat(goal.get("activities").get(0).get("actual").asDouble()).isZero();
        assertThat(goal.get("activities").get(0).get("assumption").get("text").asString())
                .isEqualTo("10 demos → 2 new customers");
        assertThat(goal.get("endorsement").get("label").asString()).isEqualTo("Not endorsed yet");
        assertThat(goal.get("version").asInt()).isEqualTo(1);
        JsonNode list = body(call(get("/api/v1/goals?teamId=" + team.id()), team.marketer(), null));
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("status").asString()).isNotBlank();
    }

    static Stream<Arguments> badGoals() {
        return Stream.of(Arguments.of("a target of 0", "outcome.target"),
                Arguments.of("a period ending before it starts", "period.endsOn"),
                Arguments.of("an owner outside the team", "activities[0].ownerIds"),
                Arguments.of("an unknown activity type", "activities[0].type"),
                Arguments.of("an empty owner id", "activities[0].ownerIds"));
    }

    @ParameterizedTest(name = "{0} is refused naming {1}, nothing stored")
    @MethodSource("badGoals")
    void refusesABadGoalNamingTheFieldAndStoresNothing(String what, String field) throws Exception {
        String quarter = "{\"quarter\": \"2026-Q4\"}";
        String body = what.equals("an empty owner id")
                ? goal("40", quarter, "DEMO", "EMPTY").replace("[\"EMPTY\"]", "[null]")
                : switch (field) {
            case "outcome.target" -> goal("0", quarter, "DEMO", team.rep().id().toString());
            case "period.endsOn" -> goal("40", "{\"startsOn\": \"2026-12-31\", \"endsOn\": \"2026-10-01\"}", "DEMO",
                    team.rep().id().toString());
            case "activities[0].ownerIds" -> goal("40", quarter, "DEMO", team.outsider().id().toString());
            default -> goal("40", quarter, "COLD_FAX", team.rep().id().toString());
                };
        MvcResult refused = call(post("/api/v1/goals"), team.rep(), body);
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(body(refused).get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(body(call(get("/api/v1/goals?teamId=" + team.id()), team.rep(), null))).isEmpty();
    }

    @Test
    void anAdjustmentIsARevisionThatInvalidatesTheEndorsementUntilEndorsedAgain() throws Exception {
        String location = call(post("/api/v1/goals"), team.rep(), aGoal()).getResponse().getHeader(HttpHeaders.LOCATION);
        assertThat(call(post(location + "/endorsements"), team.headOfSales(), "{\"version\": 1}").getResponse().getStatus())
                .isEqualTo(201);
        assertThat(body(call(post(location + "/endorsements"), team.headOfMarketing(), "{\"version\": 1}"))
                .get("label").asString()).isEqualTo("Endorsed v1");
        MvcResult revised = call(post(location + "/revisions"), team.marketer(),
                "{\"version\": 1, \"reason\": \"The trade fair takes May\", \"outcomeTarget\": 36}");
        assertThat(revised.getResponse().getStatus()).as(revised.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(body(revised).get("changes").get(0).asString()).isEqualTo("Outcome target 40 → 36");
        assertThat(body(call(get(location + "/endorsements"), team.rep(), null)).get("label").asString())
                .isEqualTo("Endorsed v1, changed since");
        JsonNode revisions = body(call(get(location + "/revisions"), team.rep(), null));
        assertThat(revisions).hasSize(2);
        assertThat(revisions.get(0).get("plan").get("target").asInt()).as("as first set").isEqualTo(40);
        assertThat(revisions.get(1).get("plan").get("target").asInt()).as("as now").isEqualTo(36);
        MvcResult member = call(post(location + "/endorsements"), team.rep(), "{\"version\": 2}");
        assertThat(member.getResponse().getStatus()).isEqualTo(409);
        call(post(location + "/endorsements"), team.headOfSales(), "{\"version\": 2}");
        assertThat(body(call(post(location + "/endorsements"), team.headOfMarketing(), "{\"version\": 2}"))
                .get("label").asString()).isEqualTo("Endorsed v2");
    }

    @Test
    void aMessageMayBeAboutAGoal() throws Exception {
        String location = call(post("/api/v1/goals"), team.rep(), aGoal()).getResponse().getHeader(HttpHeaders.LOCATION);
        String id = location.substring(location.lastIndexOf('/') + 1);
        MvcResult sent = call(post("/api/v1/messages"), team.rep(), """
                {"to": {"person": "%s"}, "urgency": "NORMAL", "subject": "Our goal", "body": "Have a look",
                 "regarding": {"kind": "goal", "id": "%s"}}""".formatted(team.marketer().id(), id));
        assertThat(sent.getResponse().getStatus()).as(sent.getResponse().getContentAsString()).isEqualTo(201);
        assertThat(sent.getResponse().getContentAsString()).contains("\"path\":\"/goals/" + id + "\"")
                .contains("40 new customers, Q");
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
