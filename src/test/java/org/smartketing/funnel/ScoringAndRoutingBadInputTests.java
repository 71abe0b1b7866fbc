package org.smartketing.funnel;

import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartketing.funnel.routing.LeadRouter;
import org.smartketing.funnel.scoring.LeadScoring;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** Bad scoring and routing set-ups from an admin: 400 naming the field, and nothing stored. */
@IntegrationTest
class ScoringAndRoutingBadInputTests {

    static final String FIT = "{\"field\": \"COUNTRY\", \"operator\": \"EQUALS\", \"value\": \"DE\", \"points\": 10}";
    static final String ENGAGEMENT = "{\"activityType\": \"WEBINAR\", \"points\": 10, \"halfLifeDays\": 30}";

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    LeadScoring scoring;

    @Autowired
    LeadRouter router;

    String token;
    String rep;

    @BeforeEach
    void anAdmin() {
        token = fixtures.tokenFor(fixtures.aPerson(AppRole.ADMIN), TokenScope.READ_WRITE);
        rep = fixtures.aPerson(AppRole.MEMBER).id().toString();
    }

    static String scoring(String fit, String engagement) {
        return "{\"version\": 0, \"mqlThreshold\": 40, \"fitRules\": [" + fit + "], \"engagementRules\": ["
                + engagement + "]}";
    }

    static Stream<Arguments> badScoring() {
        return Stream.of(
                Arguments.of(scoring(FIT.replace("COUNTRY", "COLOUR"), ENGAGEMENT), "fitRules[0].field"),
                Arguments.of(scoring(FIT.replace("EQUALS", "LIKE"), ENGAGEMENT), "fitRules[0].operator"),
                Arguments.of(scoring(FIT.replace("COUNTRY", "COMPANY"), ENGAGEMENT), "fitRules[0].operator"),
                Arguments.of(scoring("{\"field\": \"SOURCE\", \"operator\": \"EQUALS\", \"points\": 5}", ENGAGEMENT), "fitRules[0].value"),
                Arguments.of(scoring(FIT.replace(", \"points\": 10", ""), ENGAGEMENT), "fitRules[0].points"),
                Arguments.of(scoring(FIT.replace("\"DE\"", "\"<b>DE</b>\""), ENGAGEMENT), "fitRules[0].value"),
                Arguments.of(scoring(FIT, ENGAGEMENT.replace(", \"points\": 10", "")), "engagementRules[0].points"),
                Arguments.of(scoring(FIT, ENGAGEMENT.replace("30", "0")), "engagementRules[0].halfLifeDays"),
                Arguments.of(scoring(FIT, ENGAGEMENT.replace("30", "-7")), "engagementRules[0].halfLifeDays"),
                Arguments.of(scoring(FIT, ENGAGEMENT.replace("WEBINAR", "web inar")), "engagementRules[0].activityType"),
                Arguments.of(scoring(FIT, ENGAGEMENT + ", " + ENGAGEMENT.replace("WEBINAR", "webinar")), "engagementRules[1].activityType"),
                Arguments.of(scoring(FIT, ENGAGEMENT).replace("40", "0"), "mqlThreshold"),
                Arguments.of("{\"version\": 0, \"mqlThreshold\": 40, \"engagementRules\": []}", "fitRules"),
                Arguments.of(scoring(FIT, ENGAGEMENT).replace("\"version\": 0, ", ""), "version"),
                Arguments.of(scoring(FIT, ENGAGEMENT).replace("\"version\": 0", "\"version\": -1"), "version"),
                Arguments.of(scoring(FIT, ENGAGEMENT).replace("\"version\": 0", "\"version\": \"latest\""), "version"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("badScoring")
    void refusesABadScoringSetUpNamingTheField(String body, String field) throws Exception {
        var before = scoring.rules();
        assertRefused("/api/v1/scoring", body, field);
        assertThat(scoring.rules()).isEqualTo(before);
    }

    static Stream<Arguments> badRouting() {
        String unknown = UUID.randomUUID().toString();
        return Stream.of(
                Arguments.of(routing("\"pool\": [\"" + unknown + "\"]", ""), "rules[0].pool[0]"),
                Arguments.of(routing("\"pool\": [\"REP\", \"REP\"]", ""), "rules[0].pool[1]"),
                Arguments.of(routing("\"pool\": []", ""), "rules[0].pool"),
                Arguments.of(routing("\"pool\": [\"REP\"], \"openLeadCap\": -1", ""), "rules[0].openLeadCap"),
                Arguments.of(routing("\"pool\": [\"REP\"], \"country\": \"XX\"", ""), "rules[0].country"),
                Arguments.of(routing("\"pool\": [\"REP\"], \"country\": \"Germany\"", ""), "rules[0].country"),
                Arguments.of(routing("\"pool\": [\"REP\"], \"region\": \"Bavaria\"", ""), "rules[0].country"),
                Arguments.of(routing("\"pool\": [\"REP\"]", "").replace("\"name\": \"DACH\", ", ""), "rules[0].name"),
                Arguments.of(routing("\"pool\": [\"REP\"]", "").replace("null", "-1"), "defaultOpenLeadCap"),
                Arguments.of(routing("\"pool\": [\"REP\"]", "{\"personId\": \"REP\", \"from\": \"2030-05-10T00:00:00Z\", "
                        + "\"to\": \"2030-05-01T00:00:00Z\"}"), "outOfOffice[0].to"),
                Arguments.of(routing("\"pool\": [\"REP\"]", "{\"personId\": \"REP\", \"from\": \"2030-05-10T00:00:00Z\", "
                        + "\"to\": \"2030-05-10T00:00:00Z\"}"), "outOfOffice[0].to"),
                Arguments.of(routing("\"pool\": [\"REP\"]", "{\"personId\": \"" + unknown + "\", \"from\": "
                        + "\"2030-05-01T00:00:00Z\", \"to\": \"2030-05-10T00:00:00Z\"}"), "outOfOffice[0].personId"),
                Arguments.of(routing("\"pool\": [\"REP\"]", "{\"personId\": \"REP\", \"from\": \"next monday\", "
                        + "\"to\": \"2030-05-10T00:00:00Z\"}"), "outOfOffice[0].from"),
                Arguments.of(routing("\"pool\": [\"REP\"]", "").replace("\"version\": 0, ", ""), "version"),
                Arguments.of(routing("\"pool\": [\"REP\"]", "").replace("\"version\": 0", "\"version\": null"), "version"));
    }

    static String routing(String rule, String away) {
        return "{\"version\": 0, \"defaultOpenLeadCap\": null, \"rules\": [{\"name\": \"DACH\", " + rule
                + "}], \"outOfOffice\": [" + away + "]}";
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("badRouting")
    void refusesABadRoutingSetUpNamingTheField(String body, String field) throws Exception {
        var before = router.setup();
        assertRefused("/api/v1/routing/rules", body.replace("REP", rep), field);
        assertThat(router.setup()).isEqualTo(before);
    }

    private void assertRefused(String url, String body, String field) throws Exception {
        MvcResult result = mvc.perform(put(url).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(result.getResponse().getContentAsString()).contains("\"field\":\"" + field + "\"");
    }
}
