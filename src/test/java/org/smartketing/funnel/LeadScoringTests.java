package org.smartketing.funnel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadHistory;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.funnel.scoring.EngagementRule;
import org.smartketing.funnel.scoring.FitRule;
import org.smartketing.funnel.scoring.LeadScoring;
import org.smartketing.funnel.scoring.ScoreKeeping;
import org.smartketing.funnel.scoring.ScoringRules;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.TestClock;
import org.smartketing.team.AppRole;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

@IntegrationTest
class LeadScoringTests {

    /** Rules the tests put in place over whatever version is stored ({@link #replace}). */
    static final ScoringRules RULES = new ScoringRules(0, 50,
            List.of(new FitRule(null, FitRule.Field.COUNTRY, FitRule.Operator.IN, "DE, AT", 20),
                    new FitRule(null, FitRule.Field.TITLE, FitRule.Operator.CONTAINS, "Director", 15),
                    new FitRule(null, FitRule.Field.TAG, FitRule.Operator.EQUALS, "student", -30)),
            List.of(new EngagementRule("WEBINAR", 20, 10), new EngagementRule("DEMO", 30, 30),
                    new EngagementRule("TOUCH", 0, 30)));

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    LeadScoring scoring;

    @Autowired
    LeadEngagement engagement;

    @Autowired
    LeadHistory history;

    @Autowired
    Leads leads;

    @Autowired
    org.smartketing.funnel.leads.LeadStages stages;

    @Autowired
    TestClock clock;

    @Autowired
    ScoreKeeping keeping;

    @Autowired
    JsonMapper json;

    ScoringRules before;
    String token;

    @BeforeEach
    void knownRules() {
        before = scoring.rules();
        replace(RULES);
        token = fixtures.tokenFor(fixtures.aPerson(AppRole.MEMBER), TokenScope.READ);
    }

    @AfterEach
    void restore() {
        clock.reset();
        replace(before);
    }

    @Test
    void addsThePointsOfEachFitRuleTheLeadMeets() {
        Lead director = fixtures.aLead("AT", null, "Sales Director");
        Lead student = fixtures.aLead("DE", null, "Intern", "Student");
        Lead elsewhere = fixtures.aLead("US", null, "Director of Sales");

        assertThat(director.score()).isEqualTo(35);
        assertThat(student.score()).isEqualTo(-10);
        assertThat(elsewhere.score()).isEqualTo(15);
    }

    @Test
    void scoresTheNextLeadWithChangedRulesAtOnceThoughRulesAreRemembered() {
        assertThat(fixtures.aLead("DE").score()).isEqualTo(20);
        assertThat(fixtures.aLead("DE").score()).isEqualTo(20);

        replace(new ScoringRules(0, 50, List.of(new FitRule(null, FitRule.Field.COUNTRY, FitRule.Operator.IN,
                "DE", 40)), RULES.engagementRules()));

        assertThat(fixtures.aLead("DE").score()).isEqualTo(40);
        assertThat(scoring.rules().fitRules()).singleElement().satisfies(r -> assertThat(r.points()).isEqualTo(40));
    }

    @Test
    void halvesAnEngagementsPointsAfterEachHalfLifeOnceTheJobRuns() throws Exception {
        Lead lead = fixtures.aLead("US");
        engagement.record(lead.id(), "webinar", clock.instant());
        assertThat(score(lead)).isEqualTo(20);

        clock.advance(Duration.ofDays(10));
        assertThat(explain(lead).get("score").asInt()).as("reading changes nothing").isEqualTo(20);
        assertThat(explain(lead).get("scoreNow").asInt()).as("what the lines add up to now").isEqualTo(10);
        keeping.catchUp();
        JsonNode explained = explain(lead);
        assertThat(explained.get("score").asInt()).isEqualTo(10);
        JsonNode webinar = line(explained, "WEBINAR");
        assertThat(webinar.get("originalPoints").asInt()).isEqualTo(20);
        assertThat(webinar.get("points").asDouble()).isEqualTo(10.0);
        assertThat(webinar.get("ageDays").asDouble()).isEqualTo(10.0);
        assertThat(webinar.get("halfLifeDays").asInt()).isEqualTo(10);

        clock.advance(Duration.ofDays(10));
        assertThat(body(get("/api/v1/leads/" + lead.id())).get("score").asInt()).as("viewing does not rescore")
                .isEqualTo(10);
        keeping.catchUp();
        assertThat(body(get("/api/v1/leads/" + lead.id())).get("score").asInt()).as("the job does").isEqualTo(5);
    }

    @Test
    void countsEachIntakeTouchAsAnEngagement() throws Exception {
        replace(new ScoringRules(0, 50, List.of(), List.of(new EngagementRule("TOUCH", 7, 30))));
        String email = "touch." + UUID.randomUUID() + "@example.com";
        String lead = "{\"email\": \"" + email + "\"}";
        String write = fixtures.tokenFor(fixtures.aPerson(AppRole.MEMBER), TokenScope.READ_WRITE);

        JsonNode created = json.readTree(mvc.perform(post("/api/v1/leads").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + write).contentType(MediaType.APPLICATION_JSON).content(lead)).andReturn().getResponse()
                .getContentAsString());
        JsonNode merged = json.readTree(mvc.perform(post("/api/v1/leads").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + write).contentType(MediaType.APPLICATION_JSON).content(lead)).andReturn().getResponse()
                .getContentAsString());

        assertThat(created.get("score").asInt()).isEqualTo(7);
        assertThat(merged.get("score").asInt()).isEqualTo(14);
    }

    @Test
    void makesALeadAnMqlExactlyOnceWhenItsScoreReachesTheThreshold() {
        Lead lead = fixtures.aLead("DE");
        engagement.record(lead.id(), "DEMO", clock.instant());
        assertThat(leads.byId(lead.id()).orElseThrow().stage()).as("20 + 30 reaches 50").isEqualTo(Stage.MQL);

        engagement.record(lead.id(), "DEMO", clock.instant());
        engagement.record(lead.id(), "WEBINAR", clock.instant());

        List<LeadHistory.StageEvent> mql = history.stageEvents(lead.id()).stream().filter(e -> e.to() == Stage.MQL)
                .toList();
        assertThat(mql).hasSize(1);
        assertThat(mql.get(0).reason()).isEqualTo("Score 50 reached the MQL threshold 50");
        assertThat(mql.get(0).actorId()).isNull();
        assertThat(mql.get(0).actorLabel()).isEqualTo("system");
        assertThat(leads.byId(lead.id()).orElseThrow().score()).isEqualTo(100);
    }

    @Test
    void qualifiesARecycledLeadOnlyOnceItsDateToLookAgainHasCome() {
        Lead lead = fixtures.aLead("US");
        stages.move(lead.id(), new Lead.Transition(Stage.RECYCLED, "Not now", java.time.LocalDate
                .ofInstant(clock.instant(), java.time.ZoneOffset.UTC).plusDays(1), null));
        engagement.record(lead.id(), "DEMO", clock.instant());
        engagement.record(lead.id(), "DEMO", clock.instant());
        assertThat(leads.byId(lead.id()).orElseThrow().stage()).isEqualTo(Stage.RECYCLED);

        clock.advance(Duration.ofDays(2));
        keeping.catchUp();

        assertThat(leads.byId(lead.id()).orElseThrow().stage()).isEqualTo(Stage.MQL);
    }

    @Test
    void leavesALeadBelowTheThresholdNew() {
        Lead lead = fixtures.aLead("US");
        engagement.record(lead.id(), "DEMO", clock.instant());
        assertThat(leads.byId(lead.id()).orElseThrow().stage()).isEqualTo(Stage.NEW);
    }

    @Test
    void explainsTheScoreWithALineForEachRuleAndEngagement() throws Exception {
        Lead lead = fixtures.aLead("DE", null, "Marketing Director");
        Instant threeDaysAgo = clock.instant().minus(Duration.ofDays(3));
        engagement.record(lead.id(), "CALL", threeDaysAgo);

        JsonNode explained = explain(lead);

        assertThat(explained.get("mqlThreshold").asInt()).isEqualTo(50);
        assertThat(explained.get("score").asInt()).isEqualTo(35);
        List<String> rules = explained.get("lines").valueStream().map(l -> l.get("rule").asString()).toList();
        assertThat(rules).as("fit rules in order, then engagements oldest first").containsExactly(
                "Country is one of 'DE, AT'", "Title contains 'Director'", "CALL (no rule for this activity type)",
                "TOUCH");
        assertThat(line(explained, "CALL (no rule for this activity type)").get("ageDays").asDouble()).isEqualTo(3.0);
    }

    @Test
    void listsLeadsByTheirStoredScoreWhichTheJobKeepsCurrent() throws Exception {
        String source = "score-order-" + UUID.randomUUID().toString().substring(0, 8);
        Lead webinar = lead(source, null);
        Lead director = lead(source, "Director");
        engagement.record(webinar.id(), "WEBINAR", clock.instant());
        assertThat(idsByScore(source)).containsExactly(webinar.id().toString(), director.id().toString());

        clock.advance(Duration.ofDays(10));
        assertThat(idsByScore(source)).as("listing changes no score").containsExactly(webinar.id().toString(),
                director.id().toString());
        keeping.catchUp();

        assertThat(idsByScore(source)).as("the webinar's 20 points are down to 10, below the director's 15")
                .containsExactly(director.id().toString(), webinar.id().toString());
    }

    @Test
    void letsAnAdminReplaceTheRulesOverTheApi() throws Exception {
        String admin = fixtures.tokenFor(fixtures.aPerson(AppRole.ADMIN), TokenScope.READ_WRITE);
        MvcResult result = mvc.perform(put("/api/v1/scoring").header(HttpHeaders.AUTHORIZATION, "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"version": %d, "mqlThreshold": 70,
                         "fitRules": [{"field": "COMPANY", "operator": "PRESENT", "points": 10}],
                         "engagementRules": [{"activityType": "event", "points": 25, "halfLifeDays": 60}]}"""
                        .formatted(scoring.rules().version())))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        ScoringRules now = scoring.rules();
        assertThat(now.mqlThreshold()).isEqualTo(70);
        assertThat(now.fitRules()).singleElement().satisfies(r -> assertThat(r.describe()).isEqualTo("Company is present"));
        assertThat(now.engagementRules()).containsExactly(new EngagementRule("EVENT", 25, 60));
        assertThat(body(get("/api/v1/scoring")).get("mqlThreshold").asInt()).isEqualTo(70);
    }

    @Autowired
    org.smartketing.funnel.intake.LeadIntake intake;

    /** Puts the rules in place whatever version is stored. */
    private void replace(ScoringRules rules) {
        scoring.replaceRules(rules.basedOn(scoring.rules().version()));
    }

    private Lead lead(String source, String title) {
        return intake.take(org.smartketing.funnel.intake.IncomingLead.of("s." + UUID.randomUUID() + "@example.com",
                null, null, "Order", null, title, "US", null, source, null, null),
                LeadHistory.Channel.API).lead();
    }

    private List<String> idsByScore(String source) throws Exception {
        return body(get("/api/v1/leads").param("source", source).param("sort", "score")).get("items").valueStream()
                .map(i -> i.get("id").asString()).toList();
    }

    private int score(Lead lead) throws Exception {
        return explain(lead).get("score").asInt();
    }

    private JsonNode explain(Lead lead) throws Exception {
        return body(get("/api/v1/leads/" + lead.id() + "/score"));
    }

    private JsonNode body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        MvcResult result = mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return json.readTree(result.getResponse().getContentAsString());
    }

    private static JsonNode line(JsonNode explained, String rule) {
        return explained.get("lines").valueStream().filter(l -> l.get("rule").asString().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + rule + " in " + explained));
    }
}
