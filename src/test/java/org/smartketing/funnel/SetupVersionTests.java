package org.smartketing.funnel;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.funnel.routing.LeadRouter;
import org.smartketing.funnel.routing.RoutingSetup;
import org.smartketing.funnel.scoring.FitRule;
import org.smartketing.funnel.scoring.LeadScoring;
import org.smartketing.funnel.scoring.ScoringRules;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Two admins edit the scoring rules or the routing set-up from the same version: the first change
 * is saved, the second is refused (409 over the API, the page again with the change still in its
 * form), and nothing of the first is lost.
 */
@IntegrationTest
class SetupVersionTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    LeadScoring scoring;

    @Autowired
    LeadRouter router;

    ScoringRules scoringBefore;
    RoutingSetup routingBefore;
    String anna;
    String ben;
    Person rep;

    @BeforeEach
    void twoAdmins() {
        scoringBefore = scoring.rules();
        routingBefore = router.setup();
        anna = fixtures.tokenFor(fixtures.aPerson(AppRole.ADMIN), TokenScope.READ_WRITE);
        ben = fixtures.tokenFor(fixtures.aPerson(AppRole.ADMIN), TokenScope.READ_WRITE);
        rep = fixtures.aPerson(AppRole.MEMBER);
    }

    @AfterEach
    void restore() {
        scoring.replaceRules(scoringBefore.basedOn(scoring.rules().version()));
        router.replace(routingBefore.basedOn(router.setup().version()));
    }

    @Test
    void ofTwoScoringReplacesFromTheSameVersionTheSecondIsRefusedNamingTheVersionAndTheFirstIsKept() throws Exception {
        int version = JsonPath.read(api(anna, get("/api/v1/scoring"), 200), "$.version");

        String first = api(anna, put("/api/v1/scoring").content(scoringBody(version, 60)), 200);
        String refused = api(ben, put("/api/v1/scoring").content(scoringBody(version, 80)), 409);

        assertThat(JsonPath.<Integer>read(first, "$.version")).isEqualTo(version + 1);
        assertThat(JsonPath.<List<String>>read(refused, "$.errors[*].field")).containsExactly("version");
        assertThat(JsonPath.<Integer>read(refused, "$.currentVersion")).isEqualTo(version + 1);
        assertThat(JsonPath.<String>read(refused, "$.detail")).contains("based on version " + version,
                "now at version " + (version + 1));
        String now = api(ben, get("/api/v1/scoring"), 200);
        assertThat(JsonPath.<Integer>read(now, "$.mqlThreshold")).as("the first change stands").isEqualTo(60);
        assertThat(JsonPath.<Integer>read(now, "$.version")).isEqualTo(version + 1);

        api(ben, put("/api/v1/scoring").content(scoringBody(version + 1, 80)), 200);
        assertThat(scoring.rules().mqlThreshold()).as("sent again on the new version, it is saved").isEqualTo(80);
        assertThat(scoring.rules().version()).isEqualTo(version + 2);
    }

    @Test
    void ofTwoRoutingReplacesFromTheSameVersionTheSecondIsRefusedNamingTheVersionAndTheFirstIsKept() throws Exception {
        int version = JsonPath.read(api(anna, get("/api/v1/routing/rules"), 200), "$.version");

        api(anna, put("/api/v1/routing/rules").content(routingBody(version, "Nordics", 5)), 200);
        String refused = api(ben, put("/api/v1/routing/rules").content(routingBody(version, "Iberia", 7)), 409);

        assertThat(JsonPath.<List<String>>read(refused, "$.errors[*].field")).containsExactly("version");
        RoutingSetup now = router.setup();
        assertThat(now.version()).isEqualTo(version + 1);
        assertThat(now.defaultOpenLeadCap()).isEqualTo(5);
        assertThat(now.rules()).extracting(r -> r.name()).containsExactly("Nordics");
    }

    @Test
    void aScoringPageSavedFromAnOlderVersionShowsTheRulesAsTheyAreAndKeepsTheChangeInItsForm() throws Exception {
        SignedInPerson first = Fixtures.signedIn(fixtures.aPerson(AppRole.ADMIN));
        SignedInPerson second = Fixtures.signedIn(fixtures.aPerson(AppRole.ADMIN));
        int version = scoring.rules().version();
        assertThat(page(first, "/admin/scoring")).contains("name=\"version\" value=\"" + version + "\"");

        MvcResult saved = mvc.perform(post("/admin/scoring/threshold").with(user(first)).with(csrf())
                .param("version", String.valueOf(version)).param("mqlThreshold", "65")).andReturn();
        MvcResult stale = mvc.perform(post("/admin/scoring/fit-rules").with(user(second)).with(csrf())
                .param("version", String.valueOf(version)).param("field", "TITLE").param("operator", "CONTAINS")
                .param("value", "Head of Growth").param("points", "12")).andReturn();

        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/scoring");
        assertThat(stale.getResponse().getStatus()).isEqualTo(409);
        assertThat(stale.getResponse().getContentAsString()).contains("id=\"conflict\"", "was not saved",
                "value=\"Head of Growth\"", "name=\"version\" value=\"" + (version + 1) + "\"");
        assertThat(scoring.rules().mqlThreshold()).isEqualTo(65);
        assertThat(scoring.rules().fitRules()).isEqualTo(scoringBefore.fitRules());

        MvcResult again = mvc.perform(post("/admin/scoring/fit-rules").with(user(second)).with(csrf())
                .param("version", String.valueOf(version + 1)).param("field", "TITLE").param("operator", "CONTAINS")
                .param("value", "Head of Growth").param("points", "12")).andReturn();
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/admin/scoring");
        assertThat(scoring.rules().mqlThreshold()).as("both changes are there").isEqualTo(65);
        assertThat(scoring.rules().fitRules()).extracting(FitRule::value).contains("Head of Growth");
    }

    @Test
    void aRoutingPageSavedFromAnOlderVersionShowsTheRoutingAsItIsAndChangesNothing() throws Exception {
        SignedInPerson first = Fixtures.signedIn(fixtures.aPerson(AppRole.ADMIN));
        SignedInPerson second = Fixtures.signedIn(fixtures.aPerson(AppRole.ADMIN));
        int version = router.setup().version();
        assertThat(page(first, "/admin/routing")).contains("name=\"version\" value=\"" + version + "\"");

        MvcResult saved = mvc.perform(post("/admin/routing/rules").with(user(first)).with(csrf())
                .param("version", String.valueOf(version)).param("name", "Benelux").param("country", "NL")
                .param("pool", rep.id().toString())).andReturn();
        MvcResult staleCap = mvc.perform(post("/admin/routing/cap").with(user(second)).with(csrf())
                .param("version", String.valueOf(version)).param("defaultOpenLeadCap", "4")).andReturn();
        String ruleId = router.setup().rules().get(router.setup().rules().size() - 1).id().toString();
        MvcResult staleRemoval = mvc.perform(post("/admin/routing/rules/" + ruleId + "/remove").with(user(second))
                .with(csrf()).param("version", String.valueOf(version))).andReturn();

        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/routing");
        assertThat(staleCap.getResponse().getStatus()).isEqualTo(409);
        assertThat(staleCap.getResponse().getContentAsString()).contains("id=\"conflict\"", "Benelux",
                "value=\"4\"", "name=\"version\" value=\"" + (version + 1) + "\"");
        assertThat(staleRemoval.getResponse().getStatus()).isEqualTo(409);
        RoutingSetup now = router.setup();
        assertThat(now.version()).isEqualTo(version + 1);
        assertThat(now.defaultOpenLeadCap()).isEqualTo(routingBefore.defaultOpenLeadCap());
        assertThat(now.rules()).extracting(r -> r.name()).as("the first change stands").contains("Benelux");
    }

    private String scoringBody(int version, int threshold) {
        return """
                {"version": %d, "mqlThreshold": %d,
                 "fitRules": [{"field": "COMPANY", "operator": "PRESENT", "points": 10}],
                 "engagementRules": [{"activityType": "WEBINAR", "points": 20, "halfLifeDays": 30}]}"""
                .formatted(version, threshold);
    }

    private String routingBody(int version, String rule, int cap) {
        return """
                {"version": %d, "defaultOpenLeadCap": %d, "rules": [{"name": "%s", "pool": ["%s"]}], "outOfOffice": []}"""
                .formatted(version, cap, rule, rep.id());
    }

    private String page(SignedInPerson viewer, String path) throws Exception {
        return mvc.perform(get(path).with(user(viewer))).andReturn().getResponse().getContentAsString();
    }

    private String api(String token, MockHttpServletRequestBuilder request, int status) throws Exception {
        MvcResult result = mvc.perform(request.contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        return result.getResponse().getContentAsString();
    }
}
