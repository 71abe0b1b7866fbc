package org.smartketing.comms.reach;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** {@code /api/v1/people/{id}/expectations} and off-grid periods: who may change them, and every bad input named. */
@IntegrationTest
class ExpectationsApiTests {

    static final String VALID = """
            {"urgent": {"channels": ["IN_APP", "EMAIL"], "responseMinutes": 30},
             "normal": {"channels": ["EMAIL"], "responseMinutes": 240},
             "fyi": {"channels": ["IN_APP"], "responseMinutes": 2880},
             "quietHours": {"from": "21:00", "until": "07:00"}}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    Person member;
    Person other;
    String memberToken;

    @BeforeEach
    void people() {
        member = fixtures.aPerson(AppRole.MEMBER);
        other = fixtures.aPerson(AppRole.MEMBER);
        memberToken = fixtures.tokenFor(member, TokenScope.READ_WRITE);
    }

    @Test
    void readsTheDefaultsThenTheConfirmedExpectations() throws Exception {
        JsonNode defaults = call(get("/api/v1/people/" + member.id() + "/expectations"), memberToken, 200);
        assertThat(defaults.get("confirmed").asBoolean()).isFalse();
        assertThat(defaults.at("/urgent/channels").toString()).isEqualTo("[\"IN_APP\",\"EMAIL\"]");
        assertThat(defaults.at("/urgent/responseMinutes").asInt()).isEqualTo(60);

        JsonNode saved = call(put("/api/v1/people/" + member.id() + "/expectations").content(VALID), memberToken, 200);

        assertThat(saved.get("confirmed").asBoolean()).isTrue();
        assertThat(saved.at("/urgent/responseMinutes").asInt()).isEqualTo(30);
        assertThat(saved.at("/quietHours/from").asString()).isEqualTo("21:00");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_id = ? AND action = 'expectations-confirmed'")
                .param(member.id().toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void letsOnlyThePersonOrAnAdminChangeThem() throws Exception {
        call(put("/api/v1/people/" + other.id() + "/expectations").content(VALID), memberToken, 403);
        Person admin = fixtures.aPerson(AppRole.ADMIN);
        String adminToken = fixtures.tokenFor(admin, TokenScope.READ_WRITE);
        call(put("/api/v1/people/" + other.id() + "/expectations").content(VALID), adminToken, 200);
        call(put("/api/v1/people/" + UUID.randomUUID() + "/expectations").content(VALID), adminToken, 404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown channel      | \"channels\": [\"FAX\"]                        | urgent.channels        | has an unknown channel FAX",
            "unverified SMS       | \"channels\": [\"SMS\", \"EMAIL\"]             | urgent.channels        | SMS is not verified for this person",
            "unverified chat      | \"channels\": [\"CHAT\"]                       | urgent.channels        | CHAT is not verified for this person",
            "no channel           | \"channels\": []                               | urgent.channels        | needs at least one channel",
            "twice                | \"channels\": [\"EMAIL\", \"email\"]           | urgent.channels        | names EMAIL twice",
            "too fast             | \"channels\": [\"EMAIL\"], \"responseMinutes\": 4     | urgent.responseMinutes | must be between 5 minutes",
            "too slow             | \"channels\": [\"EMAIL\"], \"responseMinutes\": 20161 | urgent.responseMinutes | must be between 5 minutes",
            "no time              | \"channels\": [\"EMAIL\"], \"responseMinutes\": null  | urgent.responseMinutes | is required",
            "time not a number    | \"channels\": [\"EMAIL\"], \"responseMinutes\": \"soon\" | urgent.responseMinutes | wrong type",
            "channels not a list  | \"channels\": 5                                | urgent.channels        | wrong type" })
    void refusesBadUrgentExpectationsNamingTheField(String name, String urgent, String field, String message)
            throws Exception {
        String body = VALID.replace("\"channels\": [\"IN_APP\", \"EMAIL\"], \"responseMinutes\": 30",
                urgent.contains("responseMinutes") ? urgent : urgent + ", \"responseMinutes\": 30");
        assertRefused(body, field, message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no fyi          | \"fyi\": {\"channels\": [\"IN_APP\"], \"responseMinutes\": 2880}, | ''           | fyi | is required",
            "quiet half      | \"until\": \"07:00\"                          | \"until\": null              | quietHours.until | is required when",
            "quiet not time  | \"from\": \"21:00\"                           | \"from\": \"9pm\"             | quietHours.from  | must be a time like 22:00",
            "quiet same      | \"until\": \"07:00\"                          | \"until\": \"21:00\"          | quietHours.until | must differ" })
    void refusesOtherBadPartsNamingTheField(String name, String replaced, String by, String field, String message)
            throws Exception {
        assertRefused(VALID.replace(replaced, by), field, message);
    }

    @Test
    void refusesAnEmptyOrUnreadableBody() throws Exception {
        call(put("/api/v1/people/" + member.id() + "/expectations").content(""), memberToken, 400);
        call(put("/api/v1/people/" + member.id() + "/expectations").content("{"), memberToken, 400);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ends before start   | 2030-01-02T00:00:00Z | 2030-01-01T00:00:00Z | SELF  | until      | must be after from",
            "in the past         | 2020-01-01T00:00:00Z | 2020-01-02T00:00:00Z | SELF  | until      | must be in the future",
            "longer than a year  | 2030-01-01T00:00:00Z | 2031-06-01T00:00:00Z | SELF  | until      | must be at most a year",
            "delegate themselves | 2030-01-01T00:00:00Z | 2030-01-02T00:00:00Z | ME    | delegateId | must be someone other",
            "unknown delegate    | 2030-01-01T00:00:00Z | 2030-01-02T00:00:00Z | NOBODY | delegateId | is not an enabled person",
            "unverified channel  | 2030-01-01T00:00:00Z | 2030-01-02T00:00:00Z | SMS   | urgent     | SMS is not verified",
            "no start            | ''                   | 2030-01-02T00:00:00Z | SELF  | from       | is required" })
    void refusesBadOffGridPeriodsNamingTheField(String name, String from, String until, String twist, String field,
            String message) throws Exception {
        String delegate = switch (twist) {
            case "ME" -> "\"" + member.id() + "\"";
            case "NOBODY" -> "\"" + UUID.randomUUID() + "\"";
            default -> "\"" + other.id() + "\"";
        };
        String body = "{" + (from.isEmpty() ? "" : "\"from\": \"" + from + "\", ") + "\"until\": \"" + until
                + "\", \"delegateId\": " + delegate + ", \"urgent\": " + (twist.equals("SMS") ? "[\"SMS\"]" : "[]")
                + "}";
        JsonNode problem = call(post("/api/v1/people/" + member.id() + "/off-grid").content(body), memberToken, 400);
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo(field);
        assertThat(problem.at("/errors/0/message").asString()).contains(message);
    }

    @Test
    void addsListsAndRemovesAnOffGridPeriodRefusingAnOverlap() throws Exception {
        String body = "{\"from\": \"2030-03-01T08:00:00Z\", \"until\": \"2030-03-08T08:00:00Z\", \"delegateId\": \""
                + other.id() + "\", \"urgent\": [\"EMAIL\"], \"note\": \"Sabbatical week\"}";
        JsonNode created = call(post("/api/v1/people/" + member.id() + "/off-grid").content(body), memberToken, 201);
        assertThat(created.at("/stillReach/URGENT").toString()).isEqualTo("[\"EMAIL\"]");
        assertThat(created.get("delegateId").asString()).isEqualTo(other.id().toString());

        JsonNode overlap = call(post("/api/v1/people/" + member.id() + "/off-grid")
                .content(body.replace("2030-03-01", "2030-03-07").replace("2030-03-08", "2030-03-10")), memberToken, 400);
        assertThat(overlap.at("/errors/0/field").asString()).isEqualTo("from");

        JsonNode list = call(get("/api/v1/people/" + member.id() + "/off-grid"), memberToken, 200);
        assertThat(list).hasSize(1);
        String otherToken = fixtures.tokenFor(other, TokenScope.READ_WRITE);
        call(delete("/api/v1/off-grid/" + created.get("id").asString()), otherToken, 403);
        call(delete("/api/v1/off-grid/" + created.get("id").asString()), memberToken, 204);
        assertThat(call(get("/api/v1/people/" + member.id() + "/off-grid"), memberToken, 200)).isEmpty();
    }

    @Test
    void showsContactAddressesOnlyToThePersonAndAdmins() throws Exception {
        jdbc.sql("INSERT INTO comms_contact_method (id, person_id, kind, address, attempts_left, verified_at, created_at)"
                + " VALUES (?, ?, 'PHONE', '+4915199887766', 0, ?, ?)").params(UUID.randomUUID(), member.id().value(),
                        org.smartketing.shared.Sql.utc(Instant.now()), org.smartketing.shared.Sql.utc(Instant.now()))
                .update();
        JsonNode own = call(get("/api/v1/people/" + member.id() + "/expectations"), memberToken, 200);
        assertThat(own.at("/contactMethods/0/address").asString()).isEqualTo("+4915199887766");
        assertThat(own.get("usableChannels").toString()).contains("SMS", "VOICE");
        JsonNode seenByOther = call(get("/api/v1/people/" + member.id() + "/expectations"),
                fixtures.tokenFor(other, TokenScope.READ), 200);
        assertThat(seenByOther.at("/contactMethods/0/address").isMissingNode()).isTrue();
        assertThat(seenByOther.at("/contactMethods/0/verified").asBoolean()).isTrue();
    }

    @Test
    void refusesAPrivateWebhookAsAContactMethodNamingTheFieldButNotWhereItPoints() throws Exception {
        JsonNode problem = call(post("/api/v1/people/" + member.id() + "/contact-methods")
                .content("{\"kind\": \"chat\", \"address\": \"http://169.254.169.254/hook\"}"), memberToken, 400);
        assertThat(problem.at("/errors/0/field").asString()).isEqualTo("address");
        assertThat(problem.at("/errors/0/message").asString()).isEqualTo("this address cannot be used");
        JsonNode badKind = call(post("/api/v1/people/" + member.id() + "/contact-methods")
                .content("{\"kind\": \"pager\", \"address\": \"123\"}"), memberToken, 400);
        assertThat(badKind.at("/errors/0/field").asString()).isEqualTo("kind");
    }

    private void assertRefused(String body, String field, String message) throws Exception {
        JsonNode problem = call(put("/api/v1/people/" + member.id() + "/expectations").content(body), memberToken, 400);
        assertThat(problem.at("/errors/0/field").asString()).as(problem.toString()).isEqualTo(field);
        assertThat(problem.at("/errors/0/message").asString()).contains(message);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM comms_expectations WHERE person_id = ?").param(member.id().value())
                .query(Long.class).single()).as("nothing saved").isZero();
    }

    private JsonNode call(MockHttpServletRequestBuilder request, String token, int status) throws Exception {
        MvcResult result = mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)).andReturn();
        String content = result.getResponse().getContentAsString();
        assertThat(result.getResponse().getStatus()).as(content).isEqualTo(status);
        return content.isEmpty() ? json.createObjectNode() : json.readTree(content);
    }
}
