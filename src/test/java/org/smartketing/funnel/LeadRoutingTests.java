package org.smartketing.funnel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadStages;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.funnel.routing.LeadRouter;
import org.smartketing.funnel.routing.OutOfOffice;
import org.smartketing.funnel.routing.RoutingRule;
import org.smartketing.funnel.routing.RoutingSetup;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.TestClock;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@IntegrationTest
@RecordApplicationEvents
class LeadRoutingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    LeadRouter router;

    @Autowired
    LeadStages stages;

    @Autowired
    Leads leads;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    JsonMapper json;

    @Autowired
    ApplicationEvents events;

    RoutingSetup before;
    Person ann;
    Person ben;
    Person cem;

    @BeforeEach
    void threeReps() {
        before = router.setup();
        ann = fixtures.aPerson(AppRole.MEMBER);
        ben = fixtures.aPerson(AppRole.MEMBER);
        cem = fixtures.aPerson(AppRole.MEMBER);
    }

    @AfterEach
    void restore() {
        router.replace(before.basedOn(router.setup().version()));
    }

    @Test
    void routesAnMqlToThePoolOfItsTerritory() {
        rules(rule("DACH", "DE", null, null, ann), rule("France", "FR", null, null, ben));

        Lead lead = mql(fixtures.aLead("FR"));

        assertThat(lead.ownerId()).isEqualTo(ben.id().value());
        assertThat(events.stream(LeadAssigned.class).filter(e -> e.leadId().equals(lead.id())))
                .singleElement().satisfies(e -> {
                    assertThat(e.ownerId()).isEqualTo(ben.id().value());
                    assertThat(e.previousOwnerId()).isNull();
                });
    }

    @Test
    void routesByRegionAndSegmentBeforeFallingBackToTheCountry() {
        rules(rule("Bavarian enterprise", "DE", "Bavaria", "enterprise", ann), rule("Germany", "DE", null, null, ben));

        Lead bavarianEnterprise = mql(fixtures.aLead("DE", "Bavaria", null, "Enterprise"));
        Lead bavarianSmall = mql(fixtures.aLead("DE", "Bavaria", null, "smb"));

        assertThat(bavarianEnterprise.ownerId()).isEqualTo(ann.id().value());
        assertThat(bavarianSmall.ownerId()).isEqualTo(ben.id().value());
    }

    @Test
    void alternatesBetweenTheRepsOfAPoolAndKeepsItsTurnInTheDatabase() {
        RoutingRule rule = rule("US", "US", null, null, ann, ben);
        rules(rule);

        List<UUID> owners = List.of(mql(fixtures.aLead("US")), mql(fixtures.aLead("US")), mql(fixtures.aLead("US")))
                .stream().map(Lead::ownerId).toList();

        assertThat(owners).containsExactly(ann.id().value(), ben.id().value(), ann.id().value());
        assertThat(jdbc.sql("SELECT next_index FROM routing_rule WHERE id = ?").param(rule.id()).query(Integer.class)
                .single()).as("Ben's turn next").isEqualTo(1);
    }

    @Test
    void skipsARepAtCapacity() {
        rules(rule("Japan", "JP", null, null, ann));
        Lead first = mql(fixtures.aLead("JP"));
        assertThat(first.ownerId()).isEqualTo(ann.id().value());

        RoutingRule capped = new RoutingRule(UUID.randomUUID(), "Japan, capped", "JP", null, null,
                List.of(ann.id().value(), ben.id().value()), 1);
        rules(capped);
        Lead second = mql(fixtures.aLead("JP"));

        assertThat(second.ownerId()).as("Ann has her one open lead already").isEqualTo(ben.id().value());
    }

    @Test
    void skipsADisabledRepAndOneOutOfOffice() {
        fixtures.disable(ann);
        Instant now = clock.instant();
        RoutingSetup setup = new RoutingSetup(router.setup().version(), null, List.of(rule("Spain", "ES", null, null, ann, ben, cem)),
                List.of(new OutOfOffice(null, ben.id().value(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)),
                        "Holiday")));
        router.replace(setup);

        Lead lead = mql(fixtures.aLead("ES"));

        assertThat(lead.ownerId()).isEqualTo(cem.id().value());
    }

    @Test
    void leavesTheLeadUnassignedAndTellsTheSalesManagersWhenNobodyFits() throws Exception {
        Person salesManager = fixtures.aPerson(AppRole.MANAGER, Department.SALES);
        Person marketingManager = fixtures.aPerson(AppRole.MANAGER, Department.MARKETING);
        rules(rule("Italy", "IT", null, null, ann));

        Lead lead = mql(fixtures.aLead("BR"));

        assertThat(lead.ownerId()).isNull();
        assertThat(lead.stage()).isEqualTo(Stage.MQL);
        assertThat(events.stream(LeadRoutingFailed.class).filter(e -> e.leadId().equals(lead.id())))
                .singleElement().satisfies(e -> assertThat(e.reason()).contains("No routing rule matches"));
        assertThat(fixtures.lastMessageTo(salesManager.id())).contains(lead.id().toString())
                .contains("no sales owner");
        assertThat(fixtures.messagesTo(marketingManager.id())).isZero();

        String token = fixtures.tokenFor(salesManager, TokenScope.READ);
        MvcResult queue = mvc.perform(get("/api/v1/leads").param("stage", "MQL").param("unassigned", "true")
                .param("size", "200").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
        JsonNode items = json.readTree(queue.getResponse().getContentAsString()).get("items");
        assertThat(items.valueStream().map(i -> i.get("id").asString())).contains(lead.id().toString());
        assertThat(items.valueStream()).allSatisfy(i -> assertThat(i.has("ownerId")).isFalse());
    }

    @Test
    void routesAnUnassignedLeadAgainWhenAManagerAsks() throws Exception {
        Person manager = fixtures.aPerson(AppRole.MANAGER, Department.SALES);
        rules();
        Lead lead = mql(fixtures.aLead("NL"));
        assertThat(lead.ownerId()).isNull();

        rules(rule("Benelux", "NL", null, null, cem));
        MvcResult result = mvc.perform(post("/api/v1/leads/" + lead.id() + "/route").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + fixtures.tokenFor(manager, TokenScope.READ_WRITE))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(json.readTree(result.getResponse().getContentAsString()).get("ownerId").asString())
                .isEqualTo(cem.id().toString());
        assertThat(leads.byId(lead.id()).orElseThrow().ownerId()).isEqualTo(cem.id().value());
    }

    @Test
    void refusesToRouteALeadThatIsNotAnMql() throws Exception {
        Person manager = fixtures.aPerson(AppRole.MANAGER, Department.SALES);
        Lead lead = fixtures.aLead("NL");
        MvcResult result = mvc.perform(post("/api/v1/leads/" + lead.id() + "/route").header(HttpHeaders.AUTHORIZATION,
                "Bearer " + fixtures.tokenFor(manager, TokenScope.READ_WRITE))).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(409);
    }

    private Lead mql(Lead lead) {
        return stages.move(lead.id(), new Lead.Transition(Stage.MQL, null, null, null));
    }

    private void rules(RoutingRule... rules) {
        router.replace(new RoutingSetup(router.setup().version(), null, List.of(rules), List.of()));
    }

    private static RoutingRule rule(String name, String country, String region, String segment, Person... pool) {
        return new RoutingRule(UUID.randomUUID(), name, country, region, segment,
                java.util.Arrays.stream(pool).map(p -> p.id().value()).toList(), null);
    }
}
