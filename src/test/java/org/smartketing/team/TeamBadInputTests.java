package org.smartketing.team;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Invalid input for people, teams and tokens, through the API and the pages: each answer names
 * the field at fault, none is a 500, and nothing is half-stored.
 */
@IntegrationTest
class TeamBadInputTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    Person admin;
    String token;

    @BeforeEach
    void anAdminWithAWriteToken() {
        admin = fixtures.aPerson(AppRole.ADMIN);
        token = fixtures.tokenFor(admin, TokenScope.READ_WRITE);
    }

    static Map<String, Object> validPerson() {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("email", "valid." + System.nanoTime() + "@example.com");
        person.put("displayName", "Valid Person");
        person.put("department", "MARKETING");
        person.put("appRole", "MEMBER");
        person.put("jobRole", "Content marketer");
        person.put("timeZone", "Europe/Berlin");
        person.put("workStart", "09:00");
        person.put("workEnd", "17:00");
        person.put("workDays", new String[] { "MONDAY", "TUESDAY" });
        return person;
    }

    static Stream<Arguments> invalidPeople() {
        return Stream.of(
                Arguments.of("email", ""),
                Arguments.of("email", "not-an-email"),
                Arguments.of("email", "someone@localhost"),
                Arguments.of("email", "a".repeat(250) + "@example.com"),
                Arguments.of("displayName", ""),
                Arguments.of("displayName", "   "),
                Arguments.of("displayName", "x".repeat(121)),
                Arguments.of("displayName", "<script>alert('x')</script>"),
                Arguments.of("displayName", "Evil\u202Egnp.exe"),
                Arguments.of("displayName", "Null\u0000byte"),
                Arguments.of("jobRole", "y".repeat(81)),
                Arguments.of("jobRole", "<b>boss</b>"),
                Arguments.of("timeZone", "Mars/Olympus_Mons"),
                Arguments.of("timeZone", ""),
                Arguments.of("timeZone", "+02:00"),
                Arguments.of("timeZone", "SystemV/PST8"),
                Arguments.of("department", "PIRATES"),
                Arguments.of("appRole", "SUPERUSER"),
                Arguments.of("workStart", "25:00"),
                Arguments.of("workDays", new String[0]),
                Arguments.of("workDays", new String[] { "FUNDAY" }),
                Arguments.of("workDays", new String[] { "MONDAY", null }),
                Arguments.of("workEnd", "08:00"));
    }

    @ParameterizedTest(name = "person with {0} = {1}")
    @MethodSource("invalidPeople")
    void refusesAnInvalidPersonNamingTheField(String field, Object value) throws Exception {
        Map<String, Object> body = validPerson();
        body.put(field, value);
        long before = fixtures.countPeople();

        MvcResult result = mvc.perform(post("/api/v1/people").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String expectedField = field.equals("workEnd") ? "workHoursInOrder" : field;
        assertThat(fieldsIn(result).stream().map(f -> f.replaceAll("\\[\\d+]$", ""))).contains(expectedField);
        assertThat(fixtures.countPeople()).isEqualTo(before);
    }

    @Test
    void keepsNamesInAnyScript() throws Exception {
        Map<String, Object> body = validPerson();
        body.put("displayName", "Zoë Ñúñez-李雷 Øster");
        MvcResult created = mvc.perform(post("/api/v1/people").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(201);

        String location = created.getResponse().getHeader(HttpHeaders.LOCATION);
        MvcResult read = mvc.perform(get(location).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
        assertThat(json.readTree(read.getResponse().getContentAsString()).get("displayName").asString())
                .isEqualTo("Zoë Ñúñez-李雷 Øster");
    }

    @Test
    void refusesASecondPersonWithTheSameEmailInAnotherCase() throws Exception {
        Map<String, Object> body = validPerson();
        body.put("email", admin.email().toUpperCase());
        MvcResult result = mvc.perform(post("/api/v1/people").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(409);
        assertThat(fieldsIn(result)).containsExactly("email");
    }

    static Stream<Arguments> unreadableBodies() {
        return Stream.of(
                Arguments.of(MediaType.APPLICATION_JSON_VALUE, "{", 400),
                Arguments.of(MediaType.APPLICATION_JSON_VALUE, "", 400),
                Arguments.of(MediaType.APPLICATION_JSON_VALUE, "[1, 2]", 400),
                Arguments.of(MediaType.TEXT_PLAIN_VALUE, "email=x", 415),
                Arguments.of(MediaType.APPLICATION_FORM_URLENCODED_VALUE, "email=x", 415));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("unreadableBodies")
    void answersAnUnreadableBodyWithProblemDetails(String contentType, String body, int status) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/people").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(contentType).content(body)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    @Test
    void answersAMalformedIdWithTheParameterNamed() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/people/not-a-uuid").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(fieldsIn(result)).containsExactly("id");
    }

    @Test
    void answersAnUnknownPersonWith404() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/people/" + java.util.UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    static Stream<Arguments> invalidTeams() {
        return Stream.of(
                Arguments.of("name", "", 400),
                Arguments.of("name", "n".repeat(81), 400),
                Arguments.of("name", "<img src=x onerror=alert(1)>", 400),
                Arguments.of("description", "d".repeat(501), 400),
                Arguments.of("description", "<script></script>", 400),
                Arguments.of("memberIds", new String[] { "not-a-uuid" }, 400),
                Arguments.of("memberIds", new String[] { null }, 400),
                Arguments.of("memberIds", new String[] { java.util.UUID.randomUUID().toString() }, 409));
    }

    @ParameterizedTest(name = "team with {0} = {1}")
    @MethodSource("invalidTeams")
    void refusesAnInvalidTeamNamingTheField(String field, Object value, int status) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "Team " + System.nanoTime()));
        body.put(field, value);
        long before = jdbc.sql("SELECT COUNT(*) FROM team").query(Long.class).single();

        MvcResult result = mvc.perform(post("/api/v1/teams").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        assertThat(fieldsIn(result).stream().map(f -> f.replaceAll("\\[\\d+]$", ""))).contains(field);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM team").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void keepsATeamNameWhoseLowerCaseIsLonger() throws Exception {
        String name = "\u0130".repeat(79) + (System.nanoTime() % 10);
        MvcResult result = mvc.perform(post("/api/v1/teams").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"" + name + "\"}")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(201);
    }

    @Test
    void refusesAnAuditDateItCannotUse() throws Exception {
        MvcResult result = mvc.perform(get("/admin/audit").param("from", "-999999999-01-01")
                .with(user(Fixtures.signedIn(admin)))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("from");
    }

    @Test
    void refusesASecondTeamWithTheSameNameInAnotherCase() throws Exception {
        String name = "Pipeline pod " + System.nanoTime();
        mvc.perform(post("/api/v1/teams").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"" + name + "\"}"));
        MvcResult again = mvc.perform(post("/api/v1/teams").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"" + name.toUpperCase() + "\"}")).andReturn();
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(fieldsIn(again)).containsExactly("name");
    }

    static Stream<Arguments> invalidTokenRequests() {
        return Stream.of(
                Arguments.of("{\"name\": \"\", \"scope\": \"read\"}", "name"),
                Arguments.of("{\"name\": \"" + "t".repeat(61) + "\", \"scope\": \"read\"}", "name"),
                Arguments.of("{\"name\": \"<script>\", \"scope\": \"read\"}", "name"),
                Arguments.of("{\"name\": \"sync\", \"scope\": \"admin\"}", "scope"),
                Arguments.of("{\"name\": \"sync\"}", "scope"));
    }

    @ParameterizedTest(name = "token request {0}")
    @MethodSource("invalidTokenRequests")
    void refusesAnInvalidTokenRequestNamingTheField(String body, String field) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/tokens").with(httpBasic(admin.email(), Fixtures.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(fieldsIn(result)).contains(field);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_token WHERE person_id = ?").param(admin.id().value())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void showsFieldErrorsOnTheInvitePageAndStoresNothing() throws Exception {
        long before = fixtures.countPeople();
        MvcResult result = mvc.perform(post("/people").with(user(Fixtures.signedIn(admin))).with(csrf())
                .param("email", "not-an-email").param("displayName", "<script>x</script>")
                .param("department", "SALES").param("appRole", "MEMBER").param("timeZone", "Nowhere/Land")
                .param("workStart", "09:00").param("workEnd", "17:00").param("workDays", "MONDAY")).andReturn();
        assertThat(result.getResponse().getStatus()).as("a form shown again with a field at fault").isEqualTo(400);
        String page = result.getResponse().getContentAsString();
        assertThat(page).contains("email-error", "displayName-error", "timeZone-error")
                .contains("must be an email address").doesNotContain("<script>x</script>");
        assertThat(fixtures.countPeople()).isEqualTo(before);
    }

    @Test
    void explainsAnUnreadableTimeInWordsOnTheInvitePage() throws Exception {
        MvcResult result = mvc.perform(post("/people").with(user(Fixtures.signedIn(admin))).with(csrf())
                .param("email", "someone@example.com").param("displayName", "Someone")
                .param("department", "SALES").param("appRole", "MEMBER").param("timeZone", "UTC")
                .param("workStart", "09:00").param("workEnd", "nine").param("workDays", "MONDAY")).andReturn();
        assertThat(result.getResponse().getStatus()).as("a form shown again with a field at fault").isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("workEnd-error", "must be a time such as 09:00")
                .doesNotContain("java.time");
    }

    @Test
    void showsFieldErrorsOnTheProfilePage() throws Exception {
        MvcResult result = mvc.perform(post("/profile").with(user(Fixtures.signedIn(admin))).with(csrf())
                .param("displayName", "").param("timeZone", "UTC").param("workStart", "17:00")
                .param("workEnd", "09:00").param("workDays", "MONDAY")).andReturn();
        assertThat(result.getResponse().getStatus()).as("a form shown again with a field at fault").isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("displayName-error", "workHoursInOrder-error");
        assertThat(fixtures.reload(admin.id()).displayName()).isEqualTo(admin.displayName());
    }

    @Test
    void showsFieldErrorsOnTheTeamAndTokenPages() throws Exception {
        MvcResult team = mvc.perform(post("/teams").with(user(Fixtures.signedIn(admin))).with(csrf())
                .param("name", "").param("description", "<b>")).andReturn();
        assertThat(team.getResponse().getStatus()).as("a form shown again with a field at fault").isEqualTo(400);
        assertThat(team.getResponse().getContentAsString()).contains("name-error", "description-error");

        MvcResult members = mvc.perform(post("/teams").with(user(Fixtures.signedIn(admin))).with(csrf())
                .param("name", "Forged").param("memberIds", "not-a-uuid")).andReturn();
        assertThat(members.getResponse().getContentAsString()).contains("memberIds-error", "must be chosen from the list");

        MvcResult token = mvc.perform(post("/tokens").with(user(Fixtures.signedIn(admin))).with(csrf())
                .param("name", " ").param("scope", "READ")).andReturn();
        assertThat(token.getResponse().getStatus()).isEqualTo(400);
        assertThat(token.getResponse().getContentAsString()).contains("name-error");
    }

    @Test
    void answersAnUnknownPageWithAFriendlyPageAndNoStackTrace() throws Exception {
        MvcResult result = mvc.perform(get("/people/" + java.util.UUID.randomUUID()).with(user(Fixtures.signedIn(admin)))
                .accept(MediaType.TEXT_HTML)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void refusesToDemoteTheLastAdministrator() throws Exception {
        Map<String, Object> body = validPerson();
        body.put("email", admin.email());
        body.put("appRole", "MEMBER");
        jdbc.sql("UPDATE person SET enabled = FALSE WHERE app_role = 'ADMIN' AND id <> ?").param(admin.id().value()).update();
        MvcResult result = mvc.perform(put("/api/v1/people/" + admin.id()).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(409);
        assertThat(fixtures.reload(admin.id()).appRole()).isEqualTo(AppRole.ADMIN);
    }

    private java.util.List<String> fieldsIn(MvcResult result) throws Exception {
        JsonNode problem = json.readTree(result.getResponse().getContentAsString());
        java.util.List<String> fields = new java.util.ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }
}
