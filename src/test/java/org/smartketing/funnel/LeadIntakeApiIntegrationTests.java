package org.smartketing.funnel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.funnel.campaigns.Campaigns;
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
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@IntegrationTest
class LeadIntakeApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Campaigns campaigns;

    @Autowired
    org.smartketing.activity.ActivityCounts activityCounts;

    Person marketer;
    String token;

    @BeforeEach
    void aMarketerWithAWriteToken() {
        marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        token = fixtures.tokenFor(marketer, TokenScope.READ_WRITE);
    }

    static String unique(String local) {
        return local + "." + System.nanoTime() + "@example.com";
    }

    @Test
    void createsALeadAndAnswers201WithItsLocation() throws Exception {
        String email = unique("ann");
        MvcResult result = send(post("/api/v1/leads"), "{\"email\": \"" + email + "\", \"firstName\": \"Ann\", "
                + "\"lastName\": \"Lee\", \"company\": \"Acme\", \"phone\": \"+49 30 1234567\", \"tags\": [\"webinar\"]}");

        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        JsonNode lead = body(result);
        assertThat(lead.get("stage").asString()).isEqualTo("NEW");
        assertThat(lead.get("phone").asString()).isEqualTo("+49 30 1234567");
        assertThat(lead.get("phoneE164").asString()).isEqualTo("+49301234567");
        assertThat(lead.get("merged").asBoolean()).isFalse();
        String location = result.getResponse().getHeader(HttpHeaders.LOCATION);
        assertThat(location).isEqualTo("/api/v1/leads/" + lead.get("id").asString());
        assertThat(body(send(get(location), null)).get("email").asString()).isEqualTo(email);
    }

    @Test
    void answersANewLeadExactlyAsItIsStoredAndScoredWithoutReadingItBack() throws Exception {
        MvcResult created = send(post("/api/v1/leads"), "{\"email\": \"" + unique("exact") + "\", \"company\": \"Acme\", "
                + "\"consentGiven\": true, \"consentAt\": \"2026-03-01T10:00:00.123456789Z\", \"consentMethod\": \"form\", "
                + "\"tags\": [\" spaced \", \"vip\"], \"country\": \"de\"}");
        JsonNode answered = body(created);
        ((tools.jackson.databind.node.ObjectNode) answered).remove("merged");

        JsonNode stored = body(send(get(created.getResponse().getHeader(HttpHeaders.LOCATION)), null));

        assertThat(answered).isEqualTo(stored);
        assertThat(stored.get("consent").get("at").asString()).isEqualTo("2026-03-01T10:00:00.123457Z");
        assertThat(stored.get("score").asInt()).as("company present 10 + first touch 5").isEqualTo(15);
    }

    @Test
    void mergesADuplicateByEmailInAnotherCaseIntoANewTouch() throws Exception {
        String email = unique("Bob.Buyer");
        JsonNode first = body(send(post("/api/v1/leads"), "{\"email\": \"" + email + "\", \"source\": \"webinar\"}"));

        MvcResult again = send(post("/api/v1/leads"), "{\"email\": \"  " + email.toUpperCase() + " \", "
                + "\"company\": \"Buyer GmbH\", \"source\": \"ebook\"}");

        assertThat(again.getResponse().getStatus()).isEqualTo(200);
        JsonNode merged = body(again);
        assertThat(merged.get("merged").asBoolean()).isTrue();
        assertThat(merged.get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(merged.get("company").asString()).as("blank filled from the new touch").isEqualTo("Buyer GmbH");
        assertThat(merged.get("source").asString()).as("the first source stays").isEqualTo("webinar");
        assertThat(rowsWithEmail(email)).isEqualTo(1);
        JsonNode history = body(send(get("/api/v1/leads/" + first.get("id").asString() + "/history"), null));
        assertThat(history.get("touches")).hasSize(2);
    }

    @Test
    void mergesALeadWithoutEmailByItsPhoneWrittenAnotherWay() throws Exception {
        JsonNode first = body(send(post("/api/v1/leads"), "{\"phone\": \"+1 (415) 555-0132\", \"lastName\": \"Phone\"}"));
        MvcResult again = send(post("/api/v1/leads"), "{\"phone\": \"415.555.0132\", \"country\": \"US\"}");
        assertThat(again.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(again).get("id").asString()).isEqualTo(first.get("id").asString());
    }

    @Test
    void repeatsTheIdenticalResponseForARetryWithTheSameIdempotencyKey() throws Exception {
        String key = UUID.randomUUID().toString();
        String lead = "{\"email\": \"" + unique("retry") + "\", \"lastName\": \"Retry\"}";
        MvcResult first = send(post("/api/v1/leads").header("Idempotency-Key", key), lead);
        MvcResult retry = send(post("/api/v1/leads").header("Idempotency-Key", key), lead);

        assertThat(first.getResponse().getStatus()).isEqualTo(201);
        assertThat(retry.getResponse().getStatus()).isEqualTo(201);
        assertThat(retry.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo(first.getResponse().getHeader(HttpHeaders.LOCATION));
        assertThat(body(retry)).isEqualTo(body(first));
    }

    @Test
    void refusesTheSameIdempotencyKeyWithAnotherBody() throws Exception {
        String key = UUID.randomUUID().toString();
        send(post("/api/v1/leads").header("Idempotency-Key", key), "{\"email\": \"" + unique("one") + "\"}");
        String other = unique("two");
        MvcResult reused = send(post("/api/v1/leads").header("Idempotency-Key", key), "{\"email\": \"" + other + "\"}");
        assertThat(reused.getResponse().getStatus()).isEqualTo(422);
        assertThat(reused.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(rowsWithEmail(other)).isZero();
    }

    @Test
    void takesABatchWithOneResultPerLead() throws Exception {
        String known = unique("known");
        send(post("/api/v1/leads"), "{\"email\": \"" + known + "\"}");
        String fresh = unique("fresh");
        MvcResult result = send(post("/api/v1/leads/batch"), "{\"leads\": [{\"email\": \"" + fresh + "\"}, "
                + "{\"email\": \"" + known.toUpperCase() + "\"}, {\"email\": \"not-an-email\"}, {\"phone\": \"<12>\"}]}");

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        JsonNode batch = body(result);
        assertThat(batch.get("created").asInt()).isEqualTo(1);
        assertThat(batch.get("merged").asInt()).isEqualTo(1);
        assertThat(batch.get("rejected").asInt()).isEqualTo(2);
        assertThat(batch.get("results").get(2).get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(batch.get("results").get(3).get("errors").get(0).get("field").asString()).isEqualTo("phone");
        assertThat(rowsWithEmail(fresh)).isEqualTo(1);
    }

    @Test
    void takesALongBatchChunkByChunkAndARefusedLeadLeavesNothingOfItselfOrTwiceOfOthers() throws Exception {
        String tag = "chunk" + System.nanoTime();
        java.util.List<String> leads = new java.util.ArrayList<>();
        for (int i = 0; i < 250; i++) {
            leads.add("{\"email\": \"" + tag + "." + i + "@example.com\"}");
        }
        leads.set(150, "{\"email\": \"" + tag + ".refused@example.com\", \"campaignId\": \"" + UUID.randomUUID() + "\"}");
        leads.set(160, "{\"email\": \"" + tag.toUpperCase() + ".5@EXAMPLE.com\"}");

        JsonNode batch = body(send(post("/api/v1/leads/batch"), "{\"leads\": [" + String.join(",", leads) + "]}"));

        assertThat(batch.get("created").asInt()).isEqualTo(248);
        assertThat(batch.get("merged").asInt()).as("the same lead again, in a later chunk").isEqualTo(1);
        assertThat(batch.get("rejected").asInt()).isEqualTo(1);
        assertThat(batch.get("results").get(150).get("errors").get(0).get("field").asString()).isEqualTo("campaignId");
        assertThat(batch.get("results").get(160).get("id")).isEqualTo(batch.get("results").get(5).get("id"));
        assertThat(rowsWithEmail(tag + ".refused@example.com")).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lead_touch t JOIN lead l ON l.id = t.lead_id WHERE l.email_key LIKE ?")
                .param(tag + ".%").query(Long.class).single()).as("one touch per lead taken, two for the repeated one")
                .isEqualTo(249);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'created' AND entity_id IN "
                + "(SELECT CAST(id AS VARCHAR(64)) FROM lead WHERE email_key LIKE ?)").param(tag + ".%")
                .query(Long.class).single()).isEqualTo(248);
    }

    @Test
    void refusesABatchOfMoreThanAThousand() throws Exception {
        String leads = String.join(",", java.util.Collections.nCopies(1001, "{\"email\": \"x@example.com\"}"));
        MvcResult result = send(post("/api/v1/leads/batch"), "{\"leads\": [" + leads + "]}");
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("\"field\":\"leads\"");
    }

    @Test
    void listsLeadsNewestFirstPageByPageWithACursor() throws Exception {
        String source = "cursor-test-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            send(post("/api/v1/leads"), "{\"email\": \"" + unique("page" + i) + "\", \"source\": \"" + source + "\"}");
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode slice = body(send(get("/api/v1/leads").param("source", source).param("size", "2")
                    .param("cursor", cursor == null ? "" : cursor), null));
            slice.get("items").forEach(item -> seen.add(item.get("id").asString()));
            cursor = slice.get("nextCursor") == null || slice.get("nextCursor").isNull() ? null : slice.get("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).hasSize(5);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void filtersByStageCampaignAndText() throws Exception {
        UUID campaign = aCampaign();
        String email = unique("findme");
        send(post("/api/v1/leads"), "{\"email\": \"" + email + "\", \"company\": \"Zebra Findable Ltd\", \"campaignId\": \"" + campaign + "\"}");
        JsonNode byCampaign = body(send(get("/api/v1/leads").param("campaignId", campaign.toString()), null));
        assertThat(byCampaign.get("items")).hasSize(1);
        JsonNode byText = body(send(get("/api/v1/leads").param("q", "zebra findable"), null));
        assertThat(byText.get("items").get(0).get("email").asString()).isEqualTo(email);
        JsonNode byStage = body(send(get("/api/v1/leads").param("q", "zebra findable").param("stage", "SAL"), null));
        assertThat(byStage.get("items")).isEmpty();
    }

    @Test
    void refusesAStageChangeThatIsNotAllowedListingTheAllowedOnes() throws Exception {
        String id = newLead();
        MvcResult refused = send(post("/api/v1/leads/" + id + "/transitions"), "{\"to\": \"CUSTOMER\"}");
        assertThat(refused.getResponse().getStatus()).isEqualTo(409);
        JsonNode problem = body(refused);
        assertThat(problem.get("from").asString()).isEqualTo("NEW");
        assertThat(problem.get("allowed")).extracting(JsonNode::asString).containsExactlyInAnyOrder("MQL", "RECYCLED", "LOST");
    }

    @Test
    void walksALeadToCustomerKeepingEveryStepWithWhoAndWhy() throws Exception {
        String id = newLead();
        for (String to : List.of("MQL", "SAL", "SQL")) {
            assertThat(send(post("/api/v1/leads/" + id + "/transitions"), "{\"to\": \"" + to + "\"}").getResponse().getStatus())
                    .isEqualTo(200);
        }
        MvcResult noAmount = send(post("/api/v1/leads/" + id + "/transitions"), "{\"to\": \"OPPORTUNITY\"}");
        assertThat(noAmount.getResponse().getStatus()).isEqualTo(400);
        JsonNode opportunity = body(send(post("/api/v1/leads/" + id + "/transitions"),
                "{\"to\": \"OPPORTUNITY\", \"amount\": 12500.5, \"currency\": \"eur\"}"));
        assertThat(opportunity.get("amount").get("currency").asString()).isEqualTo("EUR");
        assertThat(new BigDecimal(opportunity.get("amount").get("amount").asString())).isEqualByComparingTo("12500.50");
        send(post("/api/v1/leads/" + id + "/transitions"), "{\"to\": \"CUSTOMER\"}");

        JsonNode history = body(send(get("/api/v1/leads/" + id + "/history"), null));
        assertThat(history.get("stages")).extracting(s -> s.get("to").asString())
                .containsExactly("NEW", "MQL", "SAL", "SQL", "OPPORTUNITY", "CUSTOMER");
        assertThat(history.get("stages").get(1).get("actorLabel").asString()).endsWith("@example.com");
    }

    @Test
    void writesEveryStageChangeAPersonMakesIntoTheSharedActivityLogAuditedAsTheirs() throws Exception {
        String id = newLead();
        send(post("/api/v1/leads/" + id + "/transitions"), "{\"to\": \"MQL\"}");
        var activity = await().until(() -> activityCounts.forLead(UUID.fromString(id)), list -> !list.isEmpty());
        assertThat(activity).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo(org.smartketing.activity.ActivityType.STAGE_CHANGE);
            assertThat(a.outcome()).isEqualTo("New → Marketing-qualified");
            assertThat(a.personId()).isEqualTo(marketer.id());
            assertThat(jdbc.sql("SELECT actor_label FROM audit_entry WHERE entity_type = 'activity' AND entity_id = ?")
                    .param(a.id().toString()).query(String.class).single())
                    .as("logged after the move's commit, on behalf of the mover").isEqualTo(marketer.email());
        });
    }

    @Test
    void letsActivitiesPointAtRealLeadsAndCampaignsOnly() throws Exception {
        String id = newLead();
        UUID campaign = aCampaign();
        MvcResult logged = send(post("/api/v1/activities"), "{\"type\": \"CALL\", \"leadId\": \"" + id
                + "\", \"campaignId\": \"" + campaign + "\"}");
        assertThat(logged.getResponse().getStatus()).isEqualTo(201);
        MvcResult unknown = send(post("/api/v1/activities"), "{\"type\": \"CALL\", \"leadId\": \"" + UUID.randomUUID() + "\"}");
        assertThat(unknown.getResponse().getStatus()).isEqualTo(409);
        assertThat(unknown.getResponse().getContentAsString()).contains("\"field\":\"leadId\"");
    }

    @Test
    void aLoggedActivityAboutALeadRaisesItsEngagementScore() throws Exception {
        String id = newLead();
        int before = body(send(get("/api/v1/leads/" + id), null)).get("score").asInt();
        send(post("/api/v1/activities"), "{\"type\": \"WEBINAR\", \"leadId\": \"" + id + "\"}");
        await().untilAsserted(() -> {
            JsonNode score = body(send(get("/api/v1/leads/" + id + "/score"), null));
            assertThat(score.get("score").asInt()).isGreaterThan(before);
            assertThat(score.get("lines").toString()).contains("WEBINAR");
        });
    }

    @Test
    void rejectingNeedsAnAgreedReasonAndRecyclingADateToLookAgain() throws Exception {
        String id = newLead();
        send(post("/api/v1/leads/" + id + "/transitions"), "{\"to\": \"MQL\"}");
        MvcResult noReason = send(post("/api/v1/leads/" + id + "/transitions"), "{\"to\": \"REJECTED\"}");
        assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
        assertThat(noReason.getResponse().getContentAsString()).contains("\"field\":\"reason\"");
        MvcResult madeUp = send(post("/api/v1/leads/" + id + "/transitions"), "{\"to\": \"REJECTED\", \"reason\": \"meh\"}");
        assertThat(madeUp.getResponse().getStatus()).isEqualTo(400);
        assertThat(send(post("/api/v1/leads/" + id + "/transitions"), "{\"to\": \"REJECTED\", \"reason\": \"No budget\"}")
                .getResponse().getStatus()).isEqualTo(200);

        MvcResult past = send(post("/api/v1/leads/" + id + "/transitions"),
                "{\"to\": \"RECYCLED\", \"reason\": \"nurture\", \"requalifyOn\": \"2020-01-01\"}");
        assertThat(past.getResponse().getContentAsString()).contains("\"field\":\"requalifyOn\"");
        JsonNode recycled = body(send(post("/api/v1/leads/" + id + "/transitions"), "{\"to\": \"RECYCLED\", "
                + "\"reason\": \"nurture\", \"requalifyOn\": \"" + LocalDate.now().plusMonths(3) + "\"}"));
        assertThat(recycled.get("stage").asString()).isEqualTo("RECYCLED");
        JsonNode history = body(send(get("/api/v1/leads/" + id + "/history"), null));
        assertThat(history.get("stages").get(2).get("reason").asString()).isEqualTo("No budget");
    }

    @Test
    void correctsOnlyTheFieldsGivenAndRefusesAnotherLeadsEmail() throws Exception {
        String taken = unique("taken");
        send(post("/api/v1/leads"), "{\"email\": \"" + taken + "\"}");
        String id = newLead();
        JsonNode changed = body(send(patch("/api/v1/leads/" + id), "{\"title\": \"CMO\"}"));
        assertThat(changed.get("title").asString()).isEqualTo("CMO");
        assertThat(changed.get("lastName").asString()).isEqualTo("Lead");

        MvcResult conflict = send(patch("/api/v1/leads/" + id), "{\"email\": \"" + taken.toUpperCase() + "\"}");
        assertThat(conflict.getResponse().getStatus()).isEqualTo(409);
        assertThat(conflict.getResponse().getContentAsString()).contains("\"field\":\"email\"");
    }

    @Test
    void recordsConsentWithWhenAndHow() throws Exception {
        JsonNode lead = body(send(post("/api/v1/leads"), "{\"email\": \"" + unique("consent") + "\", "
                + "\"consentGiven\": true, \"consentAt\": \"2026-11-20T10:00:00Z\", \"consentMethod\": \"webinar sign-up\"}"));
        assertThat(lead.get("consent").get("given").asBoolean()).isTrue();
        assertThat(Instant.parse(lead.get("consent").get("at").asString())).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
        assertThat(lead.get("consent").get("method").asString()).isEqualTo("webinar sign-up");
    }

    private String newLead() throws Exception {
        return body(send(post("/api/v1/leads"), "{\"email\": \"" + unique("walk") + "\", \"lastName\": \"Lead\"}"))
                .get("id").asString();
    }

    private UUID aCampaign() {
        UUID id = UUID.randomUUID();
        campaigns.insert(new Campaigns.Campaign(id, "Campaign " + id, "webinar", null, null, null, null, null, Instant.now()));
        return id;
    }

    private long rowsWithEmail(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM lead WHERE email_key = ?").param(email.toLowerCase()).query(Long.class).single();
    }

    private MvcResult send(MockHttpServletRequestBuilder request, String body) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andReturn();
    }

    private JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }
}
