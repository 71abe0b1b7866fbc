package org.smartketing.imports;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.funnel.routing.LeadRouter;
import org.smartketing.funnel.routing.RoutingRule;
import org.smartketing.funnel.routing.RoutingSetup;
import org.smartketing.funnel.scoring.FitRule;
import org.smartketing.funnel.scoring.LeadScoring;
import org.smartketing.funnel.scoring.ScoringRules;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Routing the MQLs an import of leads makes: asked for per import, each rep told once. */
@IntegrationTest
class ImportRoutingIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LeadRouter router;

    @Autowired
    LeadScoring scoring;

    RoutingSetup routingBefore;
    ScoringRules scoringBefore;
    ImportApi api;
    Person marketer;
    Person ann;
    Person ben;
    String run;

    @BeforeEach
    void luxembourgIsWorthAnMqlAndGoesToAnnAndBen() {
        routingBefore = router.setup();
        scoringBefore = scoring.rules();
        marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        ann = fixtures.aPerson(AppRole.MEMBER);
        ben = fixtures.aPerson(AppRole.MEMBER);
        api = new ImportApi(mvc, json, fixtures.tokenFor(marketer, TokenScope.READ_WRITE));
        run = ImportCorpus.unique();
        scoring.replaceRules(new ScoringRules(0, 50, List.of(new FitRule(null, FitRule.Field.COUNTRY,
                FitRule.Operator.EQUALS, "LU", 60)), List.of()).basedOn(scoring.rules().version()));
        router.replace(new RoutingSetup(router.setup().version(), null, List.of(new RoutingRule(UUID.randomUUID(),
                "Luxembourg", "LU", null, null, List.of(ann.id().value(), ben.id().value()), null)), List.of()));
    }

    @AfterEach
    void restore() {
        router.replace(routingBefore.basedOn(router.setup().version()));
        scoring.replaceRules(scoringBefore.basedOn(scoring.rules().version()));
    }

    @Test
    void routesTheMqlsAnImportMakesWhenAskedAndTellsEachRepOnceWithTheirCount() throws Exception {
        String id = upload(6, 2);

        start(id, "{\"route\": true}");
        JsonNode done = api.awaitEnd(id);

        assertThat(done.get("state").asString()).isEqualTo("DONE");
        assertThat(done.get("route").asBoolean()).isTrue();
        assertThat(done.get("mqls").asLong()).isEqualTo(6);
        assertThat(owned(ann)).isEqualTo(3);
        assertThat(owned(ben)).isEqualTo(3);
        assertThat(leads("stage = 'MQL'")).isEqualTo(6);
        assertThat(leads("stage = 'NEW'")).as("the others stay new").isEqualTo(2);
        // one notice each, and no per-lead "Lead assigned" after it once the after-commit listeners ran
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(20))
                .until(() -> fixtures.messagesTo(ann.id()) == 1 && fixtures.messagesTo(ben.id()) == 1);
        assertThat(fixtures.lastMessageTo(ann.id())).startsWith("3 new leads assigned to you from an import")
                .contains("leads.csv");
        assertThat(fixtures.messagesTo(marketer.id())).as("every MQL found an owner").isZero();
    }

    @Test
    void withoutRoutingTheImportsMqlsWaitUnownedAndOnlyTheImporterIsTold() throws Exception {
        String id = upload(4, 1);

        start(id, null);
        JsonNode done = api.awaitEnd(id);

        assertThat(done.get("route").asBoolean()).isFalse();
        assertThat(done.get("mqls").asLong()).isEqualTo(4);
        assertThat(leads("stage = 'MQL' AND owner_id IS NULL")).isEqualTo(4);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(20))
                .until(() -> fixtures.messagesTo(marketer.id()) == 1);
        assertThat(fixtures.messagesTo(ann.id()) + fixtures.messagesTo(ben.id())).isZero();
        assertThat(fixtures.lastMessageTo(marketer.id())).startsWith("4 leads from your import wait for an owner");
    }

    @Test
    void undoingARoutedImportRemovesItsMqlsWithTheirOwners() throws Exception {
        String id = upload(2, 0);
        start(id, "{\"route\": true}");
        api.awaitEnd(id);
        assertThat(owned(ann) + owned(ben)).isEqualTo(2);

        MvcResult undone = api.send(post("/api/v1/imports/" + id + "/undo"), null);

        assertThat(undone.getResponse().getStatus()).as(undone.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(leads("1 = 1")).isZero();
    }

    /** A file of leads in Luxembourg (worth an MQL) and in the US (not). */
    private String upload(int luxembourg, int us) throws Exception {
        StringBuilder csv = new StringBuilder("email,lastName,country\r\n");
        for (int i = 0; i < luxembourg + us; i++) {
            csv.append("r").append(i).append('.').append(run).append("@example.com,Lux").append(i).append(',')
                    .append(i < luxembourg ? "LU" : "US").append("\r\n");
        }
        MvcResult result = api.upload(csv.toString().getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        return api.body(result).get("id").asString();
    }

    private void start(String id, String body) throws Exception {
        MvcResult started = api.send(post("/api/v1/imports/" + id + "/start"), body);
        assertThat(started.getResponse().getStatus()).as(started.getResponse().getContentAsString()).isEqualTo(202);
    }

    private long owned(Person rep) {
        return leads("owner_id = '" + rep.id().value() + "'");
    }

    private long leads(String where) {
        return jdbc.sql("SELECT COUNT(*) FROM lead WHERE email_key LIKE ? AND " + where).param("%." + run + "@example.com")
                .query(Long.class).single();
    }
}
