package org.smartketing.funnel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.activity.ActivityLog;
import org.smartketing.activity.ActivitySource;
import org.smartketing.activity.ActivityType;
import org.smartketing.activity.NewActivity;
import org.smartketing.support.DueJobs;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.TestClock;
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

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** Working on a lead: editing every field, reassigning, deleting with a week to undo, and merging duplicates. */
@IntegrationTest
class LeadEditingAndMergingTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ActivityLog activities;

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    TestClock clock;

    Person marketer;
    Person rep;
    String token;
    String adminToken;

    @BeforeEach
    void people() {
        marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        token = fixtures.tokenFor(marketer, TokenScope.READ_WRITE);
        adminToken = fixtures.tokenFor(fixtures.aPerson(AppRole.ADMIN), TokenScope.READ_WRITE);
    }

    @AfterEach
    void time() {
        clock.reset();
    }

    @Test
    void theEditFormChangesEveryFieldAndThePageShowsThem() throws Exception {
        String key = "fleet" + (System.nanoTime() % 100_000);
        send(post("/api/v1/custom-fields"), adminToken, "{\"key\": \"" + key + "\", \"label\": \"Fleet size\", \"kind\": \"NUMBER\"}");
        JsonNode lead = created("{\"email\": \"" + unique("edit") + "\", \"lastName\": \"Before\", \"city\": \"Old town\"}");
        String id = lead.get("id").asString();
        String email = unique("edited");

        MvcResult saved = mvc.perform(post("/leads/" + id).with(user(Fixtures.signedIn(marketer))).with(csrf())
                .param("salutation", "Dr.").param("firstName", "Ada").param("lastName", "Byron").param("email", email)
                .param("phone", "+1 650 253 0000 ext. 123").param("mobile", "+49 123").param("company", "Engines Ltd")
                .param("title", "CTO").param("website", "https://engines.example.com").param("industry", "Machinery")
                .param("annualRevenue", "1250000.50").param("employees", "42").param("street", "12 St James's Square")
                .param("postalCode", "SW1Y 4JH").param("city", "London").param("region", "London")
                .param("country", "United Kingdom").param("source", "fair").param("tags", "vip, fair")
                .param("custom[" + key + "]", "1,200").param("description", "Met at the fair")).andReturn();
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/leads/" + id);

        JsonNode after = body(send(get("/api/v1/leads/" + id), token, null));
        assertThat(after.get("salutation").asString()).isEqualTo("Dr.");
        assertThat(after.get("email").asString()).isEqualTo(email);
        assertThat(after.get("phoneE164").asString()).isEqualTo("+16502530000");
        assertThat(after.get("mobileUnrecognised").asBoolean()).isTrue();
        assertThat(after.get("website").asString()).isEqualTo("https://engines.example.com");
        assertThat(after.get("industry").asString()).isEqualTo("Machinery");
        assertThat(after.get("annualRevenue").decimalValue()).isEqualByComparingTo("1250000.50");
        assertThat(after.get("employees").asInt()).isEqualTo(42);
        assertThat(after.get("street").asString()).isEqualTo("12 St James's Square");
        assertThat(after.get("postalCode").asString()).isEqualTo("SW1Y 4JH");
        assertThat(after.get("city").asString()).isEqualTo("London");
        assertThat(after.get("country").asString()).isEqualTo("GB");
        assertThat(after.get("custom").get(key).asString()).isEqualTo("1200");
        assertThat(after.get("tags").toString()).contains("vip", "fair");

        String page = page("/leads/" + id);
        assertThat(page).contains("mailto:" + email, "tel:+16502530000;ext=123", "Not a real number", "Machinery",
                "Fleet size", "1200", "12 St James&#39;s Square, SW1Y 4JH London, London, GB");
        assertThat(page).as("the stage history names the channel in words").contains("Through the API")
                .doesNotContain("intake:api");

        MvcResult cleared = mvc.perform(post("/leads/" + id).with(user(Fixtures.signedIn(marketer))).with(csrf())
                .param("email", email).param("lastName", "Byron").param("custom[" + key + "]", "")).andReturn();
        assertThat(cleared.getResponse().getStatus()).isEqualTo(302);
        JsonNode blank = body(send(get("/api/v1/leads/" + id), token, null));
        assertThat(blank.hasNonNull("city")).as("a field left blank on the form is cleared").isFalse();
        assertThat(blank.get("custom").has(key)).isFalse();

        MvcResult bad = mvc.perform(post("/leads/" + id).with(user(Fixtures.signedIn(marketer))).with(csrf())
                .param("lastName", "Byron").param("employees", "many")).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
        assertThat(bad.getResponse().getContentAsString()).contains("employees");
    }

    @Test
    void aLeadIsReassignedByPageAndByApiAndThePageSuggestsNobodyWithoutRules() throws Exception {
        String id = created("{\"email\": \"" + unique("owner") + "\"}").get("id").asString();
        mvc.perform(post("/leads/" + id + "/owner").with(user(Fixtures.signedIn(marketer))).with(csrf())
                .param("ownerId", rep.id().toString()));
        assertThat(body(send(get("/api/v1/leads/" + id), token, null)).get("ownerId").asString()).isEqualTo(rep.id().toString());
        assertThat(page("/leads/" + id)).contains("Reassign");

        JsonNode none = body(send(put("/api/v1/leads/" + id + "/owner"), token, "{\"ownerId\": null}"));
        assertThat(none.hasNonNull("ownerId")).isFalse();
        MvcResult nobody = send(put("/api/v1/leads/" + id + "/owner"), token, "{\"ownerId\": \"" + UUID.randomUUID() + "\"}");
        assertThat(nobody.getResponse().getStatus()).isEqualTo(400);
        assertThat(nobody.getResponse().getContentAsString()).contains("ownerId");
    }

    @Test
    void aDeletedLeadIsHiddenRestorableAndPurgedAfterAWeek() throws Exception {
        String email = unique("gone");
        String id = created("{\"email\": \"" + email + "\", \"lastName\": \"Gone" + System.nanoTime() + "\"}").get("id").asString();

        assertThat(send(delete("/api/v1/leads/" + id), token, null).getResponse().getStatus()).isEqualTo(204);
        assertThat(send(get("/api/v1/leads/" + id), token, null).getResponse().getStatus()).isEqualTo(404);
        assertThat(send(get("/api/v1/leads?q=" + email), token, null).getResponse().getContentAsString())
                .doesNotContain(id);
        assertThat(page("/leads/deleted")).contains(id);

        JsonNode back = body(send(post("/api/v1/leads/" + id + "/restore"), token, null));
        assertThat(back.get("email").asString()).isEqualTo(email);
        assertThat(send(post("/api/v1/leads"), token, "{\"email\": \"" + email + "\"}").getResponse().getStatus())
                .as("a restored lead is found again by its email").isEqualTo(200);

        MvcResult deleted = mvc.perform(post("/leads/" + id + "/delete").with(user(Fixtures.signedIn(marketer))).with(csrf()))
                .andReturn();
        assertThat(deleted.getResponse().getRedirectedUrl()).isEqualTo("/leads/deleted");
        clock.advance(Duration.ofDays(6));
        dueNow();
        assertThat(rows(id)).as("within the week the lead stays restorable").isEqualTo(1);
        clock.advance(Duration.ofDays(2));
        dueNow();
        assertThat(rows(id)).as("after the week the job purges it").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lead_touch WHERE lead_id = ?").param(UUID.fromString(id))
                .query(Long.class).single()).isZero();
        assertThat(send(post("/api/v1/leads/" + id + "/restore"), token, null).getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aMergeKeepsTheChosenValuesMovesEverythingAndIsUndoneExactly() throws Exception {
        String company = "Merge Co " + System.nanoTime();
        String mine = created("{\"email\": \"" + unique("ada.a") + "\", \"firstName\": \"Ada\", \"lastName\": \"Lovelace\","
                + " \"company\": \"" + company + "\", \"city\": \"London\", \"tags\": [\"one\"]}").get("id").asString();
        String theirs = created("{\"email\": \"" + unique("ada.b") + "\", \"firstName\": \"Ada\", \"lastName\": \"Lovelace\","
                + " \"company\": \"" + company + "\", \"city\": \"Paris\", \"title\": \"Countess\", \"tags\": [\"two\"],"
                + " \"externalIds\": {\"hubspot\": \"hs" + System.nanoTime() + "\"}}").get("id").asString();
        activities.log(new NewActivity(ActivityType.CALL, rep.id(), Instant.now(), "Called", UUID.fromString(theirs), null,
                ActivitySource.MANUAL));
        // the call counts toward the score after commit; the leads are compared once it has
        org.awaitility.Awaitility.await().until(() -> jdbc.sql("SELECT COUNT(*) FROM lead_engagement WHERE lead_id = ?")
                .param(UUID.fromString(theirs)).query(Long.class).single() == 2
                && jdbc.sql("SELECT COUNT(*) FROM lead WHERE id = ? AND score_due_at <= ?").params(UUID.fromString(theirs),
                        java.time.OffsetDateTime.now()).query(Long.class).single() == 0);
        ObjectNode mineBefore = (ObjectNode) body(send(get("/api/v1/leads/" + mine), token, null));
        ObjectNode theirsBefore = (ObjectNode) body(send(get("/api/v1/leads/" + theirs), token, null));
        JsonNode theirsHistory = body(send(get("/api/v1/leads/" + theirs + "/history"), token, null));

        assertThat(page("/leads/duplicates")).contains(mine, theirs);
        assertThat(page("/leads/" + mine + "/merge?other=" + theirs)).contains("Paris", "London", "keep.city");

        JsonNode merged = body(send(post("/api/v1/leads/" + mine + "/merge"), token,
                "{\"otherId\": \"" + theirs + "\", \"keep\": {\"city\": \"other\", \"email\": \"other\"}}"));
        assertThat(merged.get("city").asString()).isEqualTo("Paris");
        assertThat(merged.get("email").asString()).isEqualTo(theirsBefore.get("email").asString());
        assertThat(merged.get("title").asString()).as("a field only the other has is kept").isEqualTo("Countess");
        assertThat(merged.get("tags").toString()).contains("one", "two");
        assertThat(merged.get("externalIds").toString()).contains("hubspot");
        JsonNode history = body(send(get("/api/v1/leads/" + mine + "/history"), token, null));
        assertThat(history.get("touches").size()).isEqualTo(2);
        assertThat(history.get("stages").size()).isEqualTo(2);
        assertThat(activities.find(activityOf(mine)).orElseThrow().leadId()).isEqualTo(UUID.fromString(mine));
        assertThat(send(get("/api/v1/leads/" + theirs), token, null).getResponse().getContentAsString())
                .contains("merged into lead " + mine);
        assertThat(mvc.perform(get("/leads/" + theirs).with(user(Fixtures.signedIn(marketer)))).andReturn()
                .getResponse().getRedirectedUrl()).as("the tombstone points at the survivor").isEqualTo("/leads/" + mine);

        JsonNode undone = body(send(post("/api/v1/leads/" + mine + "/merge/undo"), token, null));
        assertThat(undone.get("restored").get("id").asString()).isEqualTo(theirs);
        assertThat(body(send(get("/api/v1/leads/" + mine), token, null))).isEqualTo(mineBefore);
        assertThat(body(send(get("/api/v1/leads/" + theirs), token, null))).isEqualTo(theirsBefore);
        assertThat(body(send(get("/api/v1/leads/" + theirs + "/history"), token, null))).isEqualTo(theirsHistory);
        assertThat(activities.find(activityOf(theirs)).orElseThrow().leadId()).isEqualTo(UUID.fromString(theirs));
        assertThat(send(post("/api/v1/leads/" + mine + "/merge/undo"), token, null).getResponse().getStatus())
                .as("nothing left to undo").isEqualTo(409);
    }

    @Test
    void mergingOnThePageAndUndoingIt() throws Exception {
        String company = "Page Co " + System.nanoTime();
        String mine = created("{\"email\": \"" + unique("p1") + "\", \"lastName\": \"Page\", \"company\": \"" + company + "\"}")
                .get("id").asString();
        String theirs = created("{\"email\": \"" + unique("p2") + "\", \"lastName\": \"Page\", \"company\": \"" + company
                + "\", \"phone\": \"+49 30 1234567\"}").get("id").asString();
        assertThat(page("/leads/" + mine)).contains("Possibly the same person", "Compare and merge");

        MvcResult merged = mvc.perform(post("/leads/" + mine + "/merge").with(user(Fixtures.signedIn(marketer))).with(csrf())
                .param("otherId", theirs).param("keep.email", "this")).andReturn();
        assertThat(merged.getResponse().getRedirectedUrl()).isEqualTo("/leads/" + mine);
        assertThat(page("/leads/" + mine)).contains("Undo the merge", "+49 30 1234567");

        mvc.perform(post("/leads/" + mine + "/merge/undo").with(user(Fixtures.signedIn(marketer))).with(csrf()));
        assertThat(send(get("/api/v1/leads/" + theirs), token, null).getResponse().getStatus()).isEqualTo(200);

        MvcResult bad = mvc.perform(post("/leads/" + mine + "/merge").with(user(Fixtures.signedIn(marketer))).with(csrf())
                .param("otherId", theirs).param("keep.nonsense", "other")).andReturn();
        assertThat(bad.getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void theQueueFindsTheSameNameAndCompanyAndSimilarEmailsButNotASharedExternalId() throws Exception {
        String company = "Queue Co " + System.nanoTime();
        String local = "grace" + System.nanoTime();
        String a = created("{\"email\": \"" + local + "@one.example.com\", \"lastName\": \"Hopper\", \"company\": \"" + company + "\"}")
                .get("id").asString();
        String b = created("{\"email\": \"x" + System.nanoTime() + "@example.com\", \"lastName\": \"Hopper\", \"company\": \""
                + company.toUpperCase() + "\"}").get("id").asString();
        String c = created("{\"email\": \"" + local.substring(0, 5) + "." + local.substring(5) + "@two.example.com\"}")
                .get("id").asString();
        String shared = "same" + System.nanoTime();
        String d = created("{\"lastName\": \"Alpha" + System.nanoTime() + "\", \"externalIds\": {\"salesforce\": \"" + shared + "\"}}")
                .get("id").asString();
        String e = created("{\"lastName\": \"Beta" + System.nanoTime() + "\", \"externalIds\": {\"hubspot\": \"" + shared + "\"}}")
                .get("id").asString();

        List<String> pairs = queue();
        assertThat(pairs).contains(key(a, b), key(a, c)).doesNotContain(key(d, e));

        assertThat(send(post("/api/v1/leads/duplicates/dismissals"), token,
                "{\"leadId\": \"" + a + "\", \"otherId\": \"" + b + "\"}").getResponse().getStatus()).isEqualTo(204);
        assertThat(queue()).doesNotContain(key(a, b)).contains(key(a, c));
    }

    private List<String> queue() throws Exception {
        List<String> pairs = new java.util.ArrayList<>();
        JsonNode page = body(send(get("/api/v1/leads/duplicates?size=100"), token, null));
        page.get("items").forEach(p -> pairs.add(key(p.get("lead").get("id").asString(), p.get("other").get("id").asString())));
        return pairs;
    }

    private static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    private org.smartketing.activity.ActivityId activityOf(String lead) {
        return new org.smartketing.activity.ActivityId(jdbc.sql("SELECT id FROM activity WHERE outcome = 'Called' AND person_id = ?")
                .param(rep.id().value()).query(UUID.class).single());
    }

    private long rows(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM lead WHERE id = ?").param(UUID.fromString(id)).query(Long.class).single();
    }

    /** Makes every purge job due now (the scheduler polls by the real time), and waits for them to run. */
    private void dueNow() {
        scheduler.getScheduledExecutionsForTask("funnel-lead-purge").forEach(job ->
                scheduler.reschedule(TaskInstanceId.of(job.getTaskInstance().getTaskName(), job.getTaskInstance().getId()),
                        Instant.now()));
        DueJobs.awaitRun(scheduler, "funnel-lead-purge", Duration.ofSeconds(20));
    }

    private String page(String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(user(Fixtures.signedIn(marketer)))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private JsonNode created(String lead) throws Exception {
        MvcResult result = send(post("/api/v1/leads"), token, lead);
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        return body(result);
    }

    private MvcResult send(MockHttpServletRequestBuilder request, String bearer, String content) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        if (content != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(content);
        }
        return mvc.perform(request).andReturn();
    }

    private JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    private static String unique(String name) {
        return name + "." + System.nanoTime() + "@example.com";
    }
}
