package org.smartketing.funnel;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Bad leads through the API: a clear 4xx naming the field, never a 500, nothing half-stored. */
@IntegrationTest
class LeadBadInputTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    String token;

    @BeforeEach
    void aToken() {
        token = fixtures.tokenFor(fixtures.aPerson(AppRole.MEMBER), TokenScope.READ_WRITE);
    }

    static Stream<Arguments> badLeads() {
        return Stream.of(
                Arguments.of("{\"email\": \"not-an-email\"}", "email", 400),
                Arguments.of("{\"email\": \"a@b\"}", "email", 400),
                Arguments.of("{}", "email", 400),
                Arguments.of("{\"phone\": \"" + "1".repeat(61) + "\"}", "phone", 400),
                Arguments.of("{\"phone\": \"<b>+49 30 1234567</b>\"}", "phone", 400),
                Arguments.of("{\"email\": \"  \", \"phone\": \"\"}", "email", 400),
                Arguments.of("{\"externalIds\": {\"Sales Force\": \"00Q1\"}}", "externalIds", 400),
                Arguments.of("{\"email\": \"ok@example.com\", \"custom\": {\"nosuchfield\": \"x\"}}", "custom.nosuchfield", 400),
                Arguments.of("{\"email\": \"ok@example.com\", \"employees\": -1}", "employees", 400),
                Arguments.of("{\"email\": \"ok@example.com\", \"country\": \"XX\"}", "country", 400),
                Arguments.of("{\"email\": \"ok@example.com\", \"country\": \"Atlantis\"}", "country", 400),
                Arguments.of("{\"email\": \"ok@example.com\", \"lastName\": \"" + "x".repeat(81) + "\"}", "lastName", 400),
                Arguments.of("{\"email\": \"ok@example.com\", \"company\": \"<script>alert(1)</script>\"}", "company", 400),
                Arguments.of("{\"email\": \"ok@example.com\", \"description\": \"" + "d".repeat(2001) + "\"}", "description", 400),
                Arguments.of("{\"email\": \"ok@example.com\", \"campaignId\": \"00000000-0000-0000-0000-000000000000\"}", "campaignId", 400),
                Arguments.of("{\"email\": \"ok@example.com\", \"campaignId\": \"nope\"}", "campaignId", 400),
                Arguments.of("{\"email\": \"ok@example.com\", \"tags\": [\"a,b\"]}", "tags[0]", 400),
                Arguments.of("{\"email\": \"ok@example.com\", \"consentAt\": \"yesterday\"}", "consentAt", 400),
                Arguments.of("{\"email\": 42}", "email", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badLeads")
    void refusesABadLeadNamingTheField(String body, String field, int status) throws Exception {
        long before = leads();
        MvcResult result = mvc.perform(post("/api/v1/leads").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(result.getResponse().getContentAsString()).contains("\"field\":\"" + field);
        assertThat(leads()).isEqualTo(before);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of(MediaType.APPLICATION_JSON_VALUE, "{\"email\": ", 400),
                Arguments.of(MediaType.TEXT_PLAIN_VALUE, "email=x@example.com", 415),
                Arguments.of(MediaType.APPLICATION_XML_VALUE, "<lead/>", 415));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void refusesABodyItCannotRead(String contentType, String body, int status) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/leads").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(contentType).content(body)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(status);
    }

    @Test
    void refusesAnUnknownStageCursorOrSortNamingTheParameter() throws Exception {
        MvcResult stage = mvc.perform(get("/api/v1/leads").param("stage", "WON")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
        assertThat(stage.getResponse().getStatus()).isEqualTo(400);
        assertThat(stage.getResponse().getContentAsString()).contains("\"field\":\"stage\"");

        MvcResult cursor = mvc.perform(get("/api/v1/leads").param("cursor", "garbage!")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
        assertThat(cursor.getResponse().getStatus()).isEqualTo(400);
        assertThat(cursor.getResponse().getContentAsString()).contains("\"field\":\"cursor\"");
        MvcResult sort = mvc.perform(get("/api/v1/leads").param("sort", "name")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
        assertThat(sort.getResponse().getStatus()).isEqualTo(400);
        assertThat(sort.getResponse().getContentAsString()).contains("\"field\":\"sort\"");
    }

    @Test
    void refusesAnUnknownTargetStage() throws Exception {
        MvcResult created = mvc.perform(post("/api/v1/leads").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"email\": \"stage." + System.nanoTime() + "@example.com\"}"))
                .andReturn();
        String location = created.getResponse().getHeader(HttpHeaders.LOCATION);
        MvcResult result = mvc.perform(post(location + "/transitions").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"to\": \"WON\"}")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("\"field\":\"to\"");
    }

    @Test
    void refusesAnOverlongIdempotencyKey() throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/leads").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("Idempotency-Key", "k".repeat(201)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": \"key." + System.nanoTime() + "@example.com\"}")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("Idempotency-Key");
    }

    private long leads() {
        return jdbc.sql("SELECT COUNT(*) FROM lead").query(Long.class).single();
    }
}
