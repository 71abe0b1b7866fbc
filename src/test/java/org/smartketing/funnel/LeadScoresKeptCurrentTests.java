package org.smartketing.funnel;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.funnel.intake.IncomingLead;
import org.smartketing.funnel.intake.LeadIntake;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadHistory;
import org.smartketing.funnel.leads.LeadStages;
import org.smartketing.funnel.scoring.EngagementRule;
import org.smartketing.funnel.scoring.FitRule;
import org.smartketing.funnel.scoring.LeadScoring;
import org.smartketing.funnel.scoring.ScoreKeeping;
import org.smartketing.funnel.scoring.ScoringRules;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.TestClock;
import org.smartketing.support.WriteStatements;
import org.smartketing.team.AppRole;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Reading a lead or a list writes nothing; the scoring job keeps stored scores current instead:
 * it lowers what decay has lowered, leaves fresh scores alone, applies rule changes to every lead,
 * and makes the MQLs they lead to, as the system.
 */
@IntegrationTest
class LeadScoresKeptCurrentTests {

    /** Fit by a source of this test's own, so the leads of other tests keep their scores. */
    static ScoringRules rules(String source, int sourcePoints) {
        return new ScoringRules(0, 50, List.of(new FitRule(null, FitRule.Field.SOURCE, FitRule.Operator.EQUALS, source,
                sourcePoints)), List.of(new EngagementRule("WEBINAR", 40, 10), new EngagementRule("TOUCH", 0, 30)));
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    LeadScoring scoring;

    @Autowired
    ScoreKeeping keeping;

    @Autowired
    LeadEngagement engagement;

    @Autowired
    LeadIntake intake;

    @Autowired
    LeadStages stages;

    @Autowired
    TestClock clock;

    @Autowired
    LeadHistory history;

    @Autowired
    JdbcClient jdbc;

    ScoringRules before;
    String source;
    Person reader;
    String token;

    @BeforeEach
    void rulesOfItsOwn() {
        before = scoring.rules();
        source = "kept-" + UUID.randomUUID().toString().substring(0, 8);
        replace(rules(source, 0));
        clock.advance(Duration.ofSeconds(10));
        keeping.catchUp(); // the change is applied: each test starts with every score current
        reader = fixtures.aPerson(AppRole.MEMBER);
        token = fixtures.tokenFor(reader, TokenScope.READ);
    }

    @AfterEach
    void restore() {
        clock.reset();
        replace(before);
    }

    @Test
    void readingTheListsAndTheLeadWritesNothingEvenWhenItsScoreIsStale() throws Exception {
        Lead lead = lead();
        engagement.record(lead.id(), "WEBINAR", clock.instant());
        stages.move(lead.id(), new Lead.Transition(Stage.RECYCLED, "Not now", today().plusDays(1), null));
        replace(rules(source, 30));
        // Decay has halved the webinar, the rules now give 30 more, and the date to look again has
        // come: reading used to store the new score and make the lead an MQL.
        clock.advance(Duration.ofDays(10).plusSeconds(10));
        read(api("/api/v1/leads/" + lead.id()));
        Map<String, Object> row = row(lead);
        long audited = audited(lead);
        long stageEvents = stageEvents(lead);

        List<String> writes = WriteStatements.during(() -> {
            read(api("/api/v1/leads").param("sort", "score"));
            read(api("/api/v1/leads").param("sort", "score").param("stage", "RECYCLED").param("q", "Kept"));
            read(api("/api/v1/leads").param("source", source));
            read(api("/api/v1/leads/" + lead.id()));
            read(api("/api/v1/leads/" + lead.id() + "/score"));
            read(page("/leads"));
            read(page("/leads").param("stage", "RECYCLED").param("q", "kept"));
            read(page("/leads/" + lead.id()));
        });

        assertThat(writes).as("statements that write").isEmpty();
        assertThat(row(lead)).as("the lead's row, version and score included").isEqualTo(row);
        assertThat(row.get("stage")).isEqualTo("RECYCLED");
        assertThat(row.get("score")).isEqualTo(40);
        assertThat(audited(lead)).isEqualTo(audited);
        assertThat(stageEvents(lead)).isEqualTo(stageEvents);
    }

    @Test
    void theListAndTheLeadPageShowTheStoredScoreAndThePageSaysWhatDecayMakesOfIt() throws Exception {
        Lead lead = lead();
        engagement.record(lead.id(), "WEBINAR", clock.instant());
        clock.advance(Duration.ofDays(10));

        String list = body(api("/api/v1/leads").param("source", source));
        String page = body(page("/leads/" + lead.id()));

        assertThat(list).contains("\"score\":40");
        assertThat(page).contains("Score 40 of 50 for MQL", "The points below add up to 20 now");
    }

    @Test
    void theJobLowersDecayedScoresAndLeavesFreshOnesAlone() {
        Lead old = lead();
        engagement.record(old.id(), "WEBINAR", clock.instant());
        clock.advance(Duration.ofDays(20));
        Lead fresh = lead();
        engagement.record(fresh.id(), "WEBINAR", clock.instant());
        Lead settled = lead();
        Map<String, Object> freshRow = row(fresh);

        keeping.catchUp();

        assertThat(row(old)).containsEntry("score", 10).containsEntry("version", row(old).get("version"));
        assertThat(row(fresh)).as("untouched").isEqualTo(freshRow);
        assertThat(row(settled).get("score_due_at")).as("nothing of it decays").isNull();
        assertThat(row(old).get("score_due_at")).as("due again when 10 points have halved a little more").isNotNull();
    }

    @Test
    void theJobAppliesARuleChangeToEveryLeadAndMakesMqlsAsTheSystem() {
        Lead lead = lead();
        engagement.record(lead.id(), "WEBINAR", clock.instant());
        assertThat(row(lead)).containsEntry("score", 40).containsEntry("stage", "NEW");

        replace(rules(source, 15));
        keeping.catchUp();
        assertThat(row(lead)).as("not before every node has the new rules").containsEntry("score", 40);

        clock.advance(Duration.ofSeconds(10));
        keeping.catchUp();

        assertThat(row(lead)).containsEntry("score", 55).containsEntry("stage", "MQL");
        List<LeadHistory.StageEvent> events = mqlEvents(lead);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo("Score 55 reached the MQL threshold 50");
            assertThat(e.actorId()).isNull();
            assertThat(e.actorLabel()).isEqualTo("system");
        });
        keeping.catchUp();
        assertThat(mqlEvents(lead)).as("once").hasSize(1);
    }

    @Test
    void aRecycledLeadComesDueOnItsDateToLookAgain() {
        Lead lead = lead();
        engagement.record(lead.id(), "WEBINAR", clock.instant());
        replace(rules(source, 30));
        clock.advance(Duration.ofSeconds(10));
        stages.move(lead.id(), new Lead.Transition(Stage.RECYCLED, "Not now", today().plusDays(3), null));
        keeping.catchUp();
        assertThat(row(lead)).containsEntry("stage", "RECYCLED").containsEntry("score", 70);

        clock.advance(Duration.ofDays(3));
        keeping.catchUp();

        assertThat(row(lead)).containsEntry("stage", "MQL");
    }

    /** Puts the rules in place whatever version is stored. */
    private void replace(ScoringRules rules) {
        scoring.replaceRules(rules.basedOn(scoring.rules().version()));
    }

    private Lead lead() {
        return intake.take(new IncomingLead("kept." + UUID.randomUUID() + "@example.com", null, null, null, "Kim", "Kept", null, null, null, null, null, null, null, null, "US", null, null, null, source, null, null, null, null, null, null, null, null), LeadHistory.Channel.API).lead();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private List<LeadHistory.StageEvent> mqlEvents(Lead lead) {
        return history.stageEvents(lead.id()).stream().filter(e -> e.to() == Stage.MQL).toList();
    }

    private Map<String, Object> row(Lead lead) {
        return jdbc.sql("SELECT * FROM lead WHERE id = ?").param(lead.id().value()).query().singleRow();
    }

    private long audited(Lead lead) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'lead' AND entity_id = ?")
                .param(lead.id().toString()).query(Long.class).single();
    }

    private long stageEvents(Lead lead) {
        return jdbc.sql("SELECT COUNT(*) FROM lead_stage_event WHERE lead_id = ?").param(lead.id().value())
                .query(Long.class).single();
    }

    private MockHttpServletRequestBuilder api(String path) {
        return get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    private MockHttpServletRequestBuilder page(String path) {
        return get(path).with(user(Fixtures.signedIn(reader)));
    }

    private void read(MockHttpServletRequestBuilder request) throws Exception {
        body(request);
    }

    private String body(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(request.toString()).isEqualTo(200);
        return response.getContentAsString();
    }
}
