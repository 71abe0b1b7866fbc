package org.smartketing.funnel.sla;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The agreement over the API: versions, signatures by the heads of sales and marketing, and the
 * bad-input table. Who may sign is a matter of who the caller is, not of what they send, so a
 * member or a manager of another department is refused with 403 whatever the body says; terms out
 * of bounds are the caller's input, so they are 400 naming the field.
 */
@IntegrationTest
class SlaAgreementApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    String admin;

    @BeforeEach
    void anAdminToken() {
        admin = fixtures.tokenFor(fixtures.aPerson(AppRole.ADMIN, Department.OPERATIONS), TokenScope.READ_WRITE);
    }

    @Test
    void aChangeMakesANewVersionThatBothHeadsSign() throws Exception {
        JsonNode saved = body(send(put("/api/v1/sla"), admin,
                "{\"acceptHours\": 6, \"firstContactHours\": 20, \"mqlsPerMonth\": 120}"), 200);
        int version = saved.get("version").asInt();
        assertThat(saved.get("signedByBoth").asBoolean()).isFalse();
        assertThat(body(send(put("/api/v1/sla"), admin,
                "{\"acceptHours\": 6, \"firstContactHours\": 20, \"mqlsPerMonth\": 120}"), 200).get("version").asInt())
                .as("the same terms again").isEqualTo(version);

        Person headOfSales = fixtures.aPerson(AppRole.MANAGER, Department.SALES);
        Person headOfMarketing = fixtures.aPerson(AppRole.MANAGER, Department.MARKETING);
        JsonNode half = body(sign(headOfSales, "{\"version\": " + version + "}"), 200);
        assertThat(half.get("signedByBoth").asBoolean()).isFalse();
        JsonNode both = body(sign(headOfMarketing, "{\"version\": " + version + ", \"department\": \"MARKETING\"}"), 200);
        assertThat(both.get("signedByBoth").asBoolean()).isTrue();
        assertThat(both.get("signatures")).hasSize(2);
        assertThat(both.get("signatures").get(0).get("personName").asString()).isEqualTo(headOfSales.displayName());
        assertThat(body(send(get("/api/v1/sla"), admin, null), 200).get("signedByBoth").asBoolean()).isTrue();

        assertThat(sign(fixtures.aPerson(AppRole.MANAGER, Department.SALES), "{\"version\": " + version + "}")
                .getResponse().getStatus()).as("sales signed already").isEqualTo(409);

        JsonNode changed = body(send(put("/api/v1/sla"), admin,
                "{\"acceptHours\": 4, \"firstContactHours\": 20, \"mqlsPerMonth\": 120}"), 200);
        assertThat(changed.get("version").asInt()).isEqualTo(version + 1);
        assertThat(changed.get("signedByBoth").asBoolean()).as("a new version needs new signatures").isFalse();
        assertThat(sign(headOfSales, "{\"version\": " + version + "}").getResponse().getStatus())
                .as("an outdated version").isEqualTo(400);
    }

    static Stream<Arguments> badTerms() {
        return Stream.of(
                Arguments.of("{\"acceptHours\": 0, \"firstContactHours\": 8, \"mqlsPerMonth\": 10}", "acceptHours"),
                Arguments.of("{\"acceptHours\": -4, \"firstContactHours\": 8, \"mqlsPerMonth\": 10}", "acceptHours"),
                Arguments.of("{\"acceptHours\": 501, \"firstContactHours\": 8, \"mqlsPerMonth\": 10}", "acceptHours"),
                Arguments.of("{\"acceptHours\": 99999999999, \"firstContactHours\": 8, \"mqlsPerMonth\": 10}", "acceptHours"),
                Arguments.of("{\"acceptHours\": 8, \"firstContactHours\": 0, \"mqlsPerMonth\": 10}", "firstContactHours"),
                Arguments.of("{\"acceptHours\": 8, \"firstContactHours\": -1, \"mqlsPerMonth\": 10}", "firstContactHours"),
                Arguments.of("{\"acceptHours\": 8, \"firstContactHours\": 100000, \"mqlsPerMonth\": 10}", "firstContactHours"),
                Arguments.of("{\"acceptHours\": 8, \"firstContactHours\": 8, \"mqlsPerMonth\": -1}", "mqlsPerMonth"),
                Arguments.of("{\"acceptHours\": 8, \"firstContactHours\": 8}", "mqlsPerMonth"),
                Arguments.of("{\"acceptHours\": \"eight\", \"firstContactHours\": 8, \"mqlsPerMonth\": 10}", "acceptHours"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTerms")
    void refusesBadTermsNamingTheFieldAndKeepsTheVersion(String terms, String field) throws Exception {
        int before = versions();
        MvcResult result = send(put("/api/v1/sla"), admin, terms);
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(result.getResponse().getContentAsString()).contains("\"field\":\"" + field);
        assertThat(versions()).isEqualTo(before);
    }

    static Stream<Arguments> wrongSigners() {
        return Stream.of(
                Arguments.of(AppRole.MEMBER, Department.SALES, null),
                Arguments.of(AppRole.MEMBER, Department.MARKETING, "MARKETING"),
                Arguments.of(AppRole.MANAGER, Department.OPERATIONS, null),
                Arguments.of(AppRole.MANAGER, Department.MANAGEMENT, "SALES"),
                Arguments.of(AppRole.MANAGER, Department.SALES, "MARKETING"),
                Arguments.of(AppRole.MANAGER, Department.MARKETING, "SALES"));
    }

    @ParameterizedTest(name = "{0} of {1} signing for {2}")
    @MethodSource("wrongSigners")
    void refusesSignaturesFromAnyoneButTheHeadOfTheirOwnDepartment(AppRole role, Department department, String forDepartment)
            throws Exception {
        int version = body(send(put("/api/v1/sla"), admin, "{\"acceptHours\": 7, \"firstContactHours\": 21, "
                + "\"mqlsPerMonth\": " + (int) (Math.random() * 10_000) + "}"), 200).get("version").asInt();
        String body = "{\"version\": " + version + (forDepartment == null ? "" : ", \"department\": \"" + forDepartment + "\"") + "}";
        MvcResult result = sign(fixtures.aPerson(role, department), body);
        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(body(send(get("/api/v1/sla"), admin, null), 200).get("signatures")).isEmpty();
    }

    @Test
    void refusesASignatureWithoutAVersionOrForAnUnknownDepartment() throws Exception {
        Person head = fixtures.aPerson(AppRole.MANAGER, Department.SALES);
        assertThat(sign(head, "{}").getResponse().getContentAsString()).contains("\"field\":\"version");
        assertThat(sign(head, "{\"version\": 1, \"department\": \"LEGAL\"}").getResponse().getContentAsString())
                .contains("\"field\":\"department");
    }

    @Test
    void refusesChangesFromAnyoneButAnAdminBeforeReadingTheBody() throws Exception {
        String manager = fixtures.tokenFor(fixtures.aPerson(AppRole.MANAGER, Department.SALES), TokenScope.READ_WRITE);
        assertThat(send(put("/api/v1/sla"), manager, "{\"acceptHours\": -1}").getResponse().getStatus()).isEqualTo(403);
    }

    private MvcResult sign(Person signer, String body) throws Exception {
        return send(post("/api/v1/sla/signatures"), fixtures.tokenFor(signer, TokenScope.READ_WRITE), body);
    }

    private int versions() {
        return jdbc.sql("SELECT COUNT(*) FROM sla_agreement").query(Integer.class).single();
    }

    private MvcResult send(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andReturn();
    }

    private JsonNode body(MvcResult result, int status) throws Exception {
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        return json.readTree(result.getResponse().getContentAsString());
    }
}
