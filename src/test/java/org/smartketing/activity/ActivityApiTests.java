package org.smartketing.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.KnownSubjects;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The activities API: who an activity is logged for (and corrected or removed by), what it answers,
 * and bad input, each refused with the field named and nothing stored.
 */
@IntegrationTest
class ActivityApiTests {

    static final Object MISSING = new Object();

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    KnownSubjects subjects;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ActivityCounts counts;

    Person admin;
    Person member;
    String adminToken;
    String memberToken;

    @BeforeEach
    void callers() {
        admin = fixtures.aPerson(AppRole.ADMIN, Department.MANAGEMENT);
        member = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        adminToken = fixtures.tokenFor(admin, TokenScope.READ_WRITE);
        memberToken = fixtures.tokenFor(member, TokenScope.READ_WRITE);
    }

    Map<String, Object> aCall() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "CALL");
        body.put("occurredAt", clock.instant().minus(Duration.ofHours(1)).toString());
        body.put("outcome", "Left a voicemail");
        return body;
    }

    @Test
    void logsForTheTokensOwnerWithTheTimeNowUnlessGiven() throws Exception {
        Instant before = clock.instant();
        MvcResult created = logActivity(memberToken, Map.of("type", "WEBINAR"));

        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        JsonNode activity = json.readTree(created.getResponse().getContentAsString());
        assertThat(activity.get("personId").asString()).isEqualTo(member.id().toString());
        assertThat(activity.get("type").asString()).isEqualTo("WEBINAR");
        assertThat(activity.get("department").asString()).isEqualTo("MARKETING");
        assertThat(activity.get("source").asString()).isEqualTo("API");
        assertThat(Instant.parse(activity.get("occurredAt").asString())).isBetween(before, clock.instant());
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION))
                .isEqualTo("/api/v1/activities/" + activity.get("id").asString());

        MvcResult read = mvc.perform(get(created.getResponse().getHeader(HttpHeaders.LOCATION))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + fixtures.tokenFor(admin, TokenScope.READ))).andReturn();
        assertThat(read.getResponse().getStatus()).isEqualTo(200);
        assertThat(json.readTree(read.getResponse().getContentAsString())).isEqualTo(activity);
    }

    @Test
    void letsAManagerOrAdminLogForSomeoneElse() throws Exception {
        Person manager = fixtures.aPerson(AppRole.MANAGER);
        Map<String, Object> body = aCall();
        body.put("personId", member.id().toString());
        for (String token : List.of(fixtures.tokenFor(manager, TokenScope.READ_WRITE), adminToken)) {
            MvcResult created = logActivity(token, body);
            assertThat(created.getResponse().getStatus()).isEqualTo(201);
            assertThat(json.readTree(created.getResponse().getContentAsString()).get("personId").asString())
                    .isEqualTo(member.id().toString());
        }
        assertThat(storedFor(member)).isEqualTo(2);
    }

    @Test
    void letsAMemberNameThemselves() throws Exception {
        Map<String, Object> body = aCall();
        body.put("personId", member.id().toString());
        assertThat(logActivity(memberToken, body).getResponse().getStatus()).isEqualTo(201);
    }

    /**
     * 403 rather than 400: the body is well-formed and the person may exist; it is the member's role
     * that does not allow it, and the field is named so the client knows what to drop.
     */
    @Test
    void forbidsAMemberToLogForSomeoneElse() throws Exception {
        Map<String, Object> body = aCall();
        body.put("personId", admin.id().toString());
        MvcResult result = logActivity(memberToken, body);

        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(fieldsIn(result)).containsExactly("personId");
        assertThat(storedFor(admin)).isZero();
        assertThat(storedFor(member)).isZero();
    }

    @Test
    void linksALeadAndCampaignThatExist() throws Exception {
        UUID lead = subjects.aLead();
        UUID campaign = subjects.aCampaign();
        Map<String, Object> body = aCall();
        body.put("leadId", lead.toString());
        body.put("campaignId", campaign.toString());
        MvcResult created = logActivity(memberToken, body);
        assertThat(created.getResponse().getStatus()).isEqualTo(201);

        JsonNode page = list("?leadId=" + lead);
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("campaignId").asString()).isEqualTo(campaign.toString());
    }

    static Stream<Arguments> badActivities() {
        return Stream.of(
                Arguments.of("type", "PIRATE_RAID", 400),
                Arguments.of("type", MISSING, 400),
                Arguments.of("type", null, 400),
                Arguments.of("type", "STAGE_CHANGE", 400),
                Arguments.of("occurredAt", "FUTURE", 400),
                Arguments.of("occurredAt", "yesterday", 400),
                Arguments.of("outcome", "o".repeat(501), 400),
                Arguments.of("outcome", "<script>alert(1)</script>", 400),
                Arguments.of("outcome", "Evil\u202Etxt.exe", 400),
                Arguments.of("personId", "not-a-uuid", 400),
                Arguments.of("personId", UUID.randomUUID().toString(), 409),
                Arguments.of("leadId", UUID.randomUUID().toString(), 409),
                Arguments.of("leadId", "lead-42", 400),
                Arguments.of("campaignId", UUID.randomUUID().toString(), 409));
    }

    @ParameterizedTest(name = "{0} = {1} → {2}")
    @MethodSource("badActivities")
    void refusesABadActivityNamingTheFieldAndStoresNothing(String field, Object value, int status) throws Exception {
        Map<String, Object> body = aCall();
        if (value == MISSING) {
            body.remove(field);
        }
        else {
            body.put(field, "FUTURE".equals(value) ? clock.instant().plus(Duration.ofHours(25)).toString() : value);
        }
        long before = storedAll();

        MvcResult result = logActivity(adminToken, body);

        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(fieldsIn(result)).containsExactly(field);
        assertThat(storedAll()).isEqualTo(before);
    }

    @Test
    void acceptsOutcomesInAnyScript() throws Exception {
        Map<String, Object> body = aCall();
        body.put("outcome", "Zoë hat zugesagt — 李雷 kommt mit. Line two\nfollows.");
        MvcResult created = logActivity(memberToken, body);
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        assertThat(json.readTree(created.getResponse().getContentAsString()).get("outcome").asString())
                .isEqualTo("Zoë hat zugesagt — 李雷 kommt mit. Line two\nfollows.");
    }

    @Test
    void listsNewestFirstFilteredByTypePersonAndPeriod() throws Exception {
        Instant day = Instant.parse("2025-06-02T00:00:00Z");
        for (int hour : List.of(9, 15, 11)) {
            Map<String, Object> body = aCall();
            body.put("occurredAt", day.plus(Duration.ofHours(hour)).toString());
            body.put("outcome", "at " + hour);
            logActivity(memberToken, body);
        }
        Map<String, Object> demo = aCall();
        demo.put("type", "DEMO");
        demo.put("occurredAt", day.plus(Duration.ofHours(10)).toString());
        logActivity(memberToken, demo);

        JsonNode calls = list("?type=CALL&personId=" + member.id() + "&from=" + day + "&to="
                + day.plus(Duration.ofHours(15)));
        assertThat(calls.get("total").asLong()).isEqualTo(2);
        assertThat(calls.get("items").findValuesAsString("outcome")).containsExactly("at 11", "at 9");

        JsonNode firstPage = list("?personId=" + member.id() + "&size=3");
        assertThat(firstPage.get("total").asLong()).isEqualTo(4);
        assertThat(firstPage.get("items").size()).isEqualTo(3);
        assertThat(firstPage.get("items").get(0).get("outcome").asString()).isEqualTo("at 15");
        JsonNode secondPage = list("?personId=" + member.id() + "&size=3&page=1");
        assertThat(secondPage.get("items").findValuesAsString("outcome")).containsExactly("at 9");
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("?type=PIRATE_RAID", "type"),
                Arguments.of("?personId=someone", "personId"),
                Arguments.of("?leadId=42", "leadId"),
                Arguments.of("?from=yesterday", "from"),
                Arguments.of("?to=2025-13-01T00:00:00Z", "to"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badQueries")
    void refusesABadFilterNamingTheParameter(String query, String field) throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/activities" + query)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + memberToken)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(fieldsIn(result)).containsExactly(field);
    }

    @Test
    void answersAnUnknownActivityWith404() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/activities/" + UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + memberToken)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    @Test
    void aMemberCorrectsAndRemovesTheirOwnActivityAndItsCountFollows() throws Exception {
        String id = json.readTree(logActivity(memberToken, aCall()).getResponse().getContentAsString()).get("id")
                .asString();
        Instant at = Instant.parse("2025-06-02T09:00:00Z");

        MvcResult corrected = change(memberToken, put("/api/v1/activities/" + id),
                Map.of("type", "DEMO", "occurredAt", at.toString()));
        assertThat(corrected.getResponse().getStatus()).isEqualTo(200);
        JsonNode activity = json.readTree(corrected.getResponse().getContentAsString());
        assertThat(activity.get("type").asString()).isEqualTo("DEMO");
        assertThat(activity.get("personId").asString()).as("still theirs").isEqualTo(member.id().toString());
        assertThat(counts.count(ActivityType.DEMO, member.id(), at, at.plusSeconds(1))).isOne();
        assertThat(counts.count(ActivityType.CALL, member.id(), null, null)).isZero();

        assertThat(change(memberToken, delete("/api/v1/activities/" + id), null).getResponse().getStatus())
                .isEqualTo(204);
        assertThat(counts.count(ActivityType.DEMO, member.id(), null, null)).isZero();
        assertThat(storedFor(member)).isZero();
        assertThat(change(memberToken, delete("/api/v1/activities/" + id), null).getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void aMemberMayNotChangeSomeoneElsesActivityNorGiveTheirsAway() throws Exception {
        Map<String, Object> forMember = aCall();
        forMember.put("personId", member.id().toString());
        String theirs = json.readTree(logActivity(adminToken, forMember).getResponse().getContentAsString()).get("id")
                .asString();
        String admins = json.readTree(logActivity(adminToken, aCall()).getResponse().getContentAsString()).get("id")
                .asString();

        MvcResult someoneElses = change(memberToken, delete("/api/v1/activities/" + admins), null);
        assertThat(someoneElses.getResponse().getStatus()).isEqualTo(403);
        assertThat(fieldsIn(someoneElses)).containsExactly("personId");
        MvcResult givenAway = change(memberToken, put("/api/v1/activities/" + theirs), Map.of("type", "CALL",
                "personId", admin.id().toString(), "occurredAt", clock.instant().toString()));
        assertThat(givenAway.getResponse().getStatus()).isEqualTo(403);
        MvcResult noType = change(memberToken, put("/api/v1/activities/" + theirs),
                Map.of("occurredAt", clock.instant().toString()));
        assertThat(noType.getResponse().getStatus()).isEqualTo(400);
        assertThat(fieldsIn(noType)).containsExactly("type");
        assertThat(storedFor(admin)).isOne();
        assertThat(storedFor(member)).isOne();
        assertThat(change(adminToken, put("/api/v1/activities/" + theirs), Map.of("type", "EMAIL", "personId",
                admin.id().toString(), "occurredAt", clock.instant().toString())).getResponse().getStatus())
                .as("an admin moves it to the right person").isEqualTo(200);
        assertThat(storedFor(admin)).isEqualTo(2);
    }

    private MvcResult change(String token, MockHttpServletRequestBuilder request, Map<String, ?> body)
            throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(request).andReturn();
    }

    private MvcResult logActivity(String token, Map<String, ?> body) throws Exception {
        return mvc.perform(post("/api/v1/activities")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body))).andReturn();
    }

    private JsonNode list(String query) throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/activities" + query)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + memberToken)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return json.readTree(result.getResponse().getContentAsString());
    }

    private List<String> fieldsIn(MvcResult result) throws Exception {
        List<String> fields = new ArrayList<>();
        json.readTree(result.getResponse().getContentAsString()).path("errors")
                .forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    private long storedFor(Person person) {
        return jdbc.sql("SELECT COUNT(*) FROM activity WHERE person_id = ?").param(person.id().value())
                .query(Long.class).single();
    }

    private long storedAll() {
        return jdbc.sql("SELECT COUNT(*) FROM activity").query(Long.class).single();
    }
}
