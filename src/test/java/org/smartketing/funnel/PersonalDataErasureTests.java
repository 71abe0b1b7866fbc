package org.smartketing.funnel;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.activity.ActivityLog;
import org.smartketing.activity.ActivitySource;
import org.smartketing.activity.ActivityType;
import org.smartketing.activity.NewActivity;
import org.smartketing.comms.Audience;
import org.smartketing.comms.Messenger;
import org.smartketing.comms.NewMessage;
import org.smartketing.comms.Regarding;
import org.smartketing.comms.Urgency;
import org.smartketing.funnel.intake.WebForms;
import org.smartketing.imports.ImportApi;
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
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * A person's data on request: erased from every part (every text column of every table, the audit
 * log, webhook payloads, a fresh export), reports unchanged, the person kept out on re-intake by
 * API, batch, import and website form (refused or anonymised, as the setting says), consent
 * withdrawn whatever the stage.
 */
@IntegrationTest
class PersonalDataErasureTests {

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
    Messenger messenger;

    @Autowired
    WebForms forms;

    final org.smartketing.support.LocalReceiver receiver = org.smartketing.support.LocalReceiver.get();

    Person admin;
    Person rep;
    String adminToken;
    String repToken;

    /** Unique names (letters only, as names are), a unique email and a unique real phone number. */
    String first;
    String last;
    String email;
    String phone;
    String phoneE164;

    @BeforeEach
    void aPerson() {
        admin = fixtures.aPerson(AppRole.ADMIN);
        rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        adminToken = fixtures.tokenFor(admin, TokenScope.READ_WRITE);
        repToken = fixtures.tokenFor(rep, TokenScope.READ_WRITE);
        Random random = new Random();
        first = "Quin" + letters(random, 8);
        last = "Vorhal" + letters(random, 8);
        email = (first + "." + last + "@Example.org");
        int line = 1000 + random.nextInt(9000);
        phone = "+1 (650) 253-" + line;
        phoneE164 = "+1650253" + line;
    }

    @AfterEach
    void refuseAgain() throws Exception {
        send(put("/api/v1/suppression-list/settings"), adminToken, "{\"reIntake\": \"REFUSE\"}");
    }

    @Test
    void afterAnEraseTheLeadsEmailPhoneAndNamesAreInNoTableNorPayloadNorExportAndCountsStayTheSame() throws Exception {
        String hook = body(send(post("/api/v1/webhooks"), adminToken, "{\"url\": \"" + receiver.url("/erase-" + UUID.randomUUID()) + "\", \"events\":"
                + " [\"lead.created\", \"lead.stage_changed\", \"lead.erased\", \"lead.consent_withdrawn\"]}")).get("id").asString();
        String id = created("{\"email\": \"" + email + "\", \"phone\": \"" + phone + "\", \"mobile\": \"" + phone
                + "\", \"firstName\": \"" + first + "\", \"lastName\": \"" + last + "\", \"company\": \"" + last
                + " GmbH\", \"street\": \"" + last + "strasse 4\", \"city\": \"Berlin\", \"country\": \"DE\","
                + " \"description\": \"Call " + first + " back\", \"consentGiven\": true, \"consentMethod\": \"web form\","
                + " \"externalIds\": {\"hubspot\": \"hs-" + last + "\"}, \"source\": \"fair\"}");
        // the same person again: a touch with what came with it, and an update of the lead
        assertThat(send(post("/api/v1/leads"), repToken, "{\"email\": \"" + email + "\", \"description\": \"" + first + " "
                + last + " asked for a demo\"}").getResponse().getStatus()).isEqualTo(200);
        assertThat(send(post("/api/v1/leads/" + id + "/transitions"), adminToken, "{\"to\": \"MQL\"}").getResponse().getStatus())
                .isEqualTo(200);
        activities.log(new NewActivity(ActivityType.CALL, rep.id(), Instant.now(), "Spoke with " + first + " " + last
                + " (" + phone + ")", UUID.fromString(id), null, ActivitySource.MANUAL));
        messenger.send(new NewMessage(admin.id(), new Audience.Person(rep.id()), Urgency.FYI, "About " + first + " " + last,
                "Please call " + first + " on " + phone + " or write to " + email,
                new Regarding("lead", id, first + " " + last, "/leads/" + id), null));
        ImportApi imports = new ImportApi(mvc, json, adminToken);
        String importId = imports.uploadId("email,firstName,title\r\n" + email + "," + first + ",Buyer\r\n");
        assertThat(imports.startAndAwait(importId, "create-and-overwrite").get("updated").asLong()).isOne();
        java.nio.file.Path kept = java.nio.file.Path.of(jdbc.sql("SELECT stored_as FROM import_job WHERE id = ?")
                .param(UUID.fromString(importId)).query(String.class).single());
        assertThat(java.nio.file.Files.readString(kept)).contains(email);
        settled();
        await().until(() -> count("SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = ?", UUID.fromString(hook)) >= 2);

        JsonNode export = body(send(get("/api/v1/leads/" + id + "/personal-data"), adminToken, null));
        assertThat(export.get("lead").get("fields").get("contact").get("email").asString()).isEqualTo(email);
        assertThat(export.get("lead").get("consent").get("given").asBoolean()).isTrue();
        assertThat(export.get("lead").get("touches")).hasSize(3);
        assertThat(export.get("lead").get("stageHistory")).hasSize(2);
        assertThat(export.get("activities").toString()).contains("Spoke with " + first);
        assertThat(export.get("messages").toString()).contains("About " + first);
        assertThat(export.get("auditLog").toString()).contains(email);
        assertThat(export.get("webhookDeliveries")).isNotEmpty();
        assertThat(export.has("actionItems")).as("every part answers, with nothing when it holds nothing").isTrue();
        assertThat(everyTextColumnMentioning(values())).as("the person is in the database before").isNotEmpty();

        String funnelBefore = report("/api/v1/insights/funnel");
        String slaBefore = report("/api/v1/sla/report");
        long stageRows = count("SELECT COUNT(*) FROM lead_stage_event WHERE lead_id = ?", UUID.fromString(id));

        MvcResult erased = send(delete("/api/v1/leads/" + id + "/personal-data"), adminToken, null);

        assertThat(erased.getResponse().getStatus()).as(erased.getResponse().getContentAsString()).isEqualTo(200);
        settled();
        await().until(() -> count("SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = ? AND event_type = 'lead.erased'",
                UUID.fromString(hook)) == 1);
        assertThat(everyTextColumnMentioning(values())).as("no text column of any table names or reaches the person").isEmpty();
        String exportAfter = send(get("/api/v1/leads/" + id + "/personal-data"), adminToken, null).getResponse()
                .getContentAsString(StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        values().forEach(v -> assertThat(exportAfter).as("a fresh export").doesNotContain(v.toLowerCase(Locale.ROOT)));
        assertThat(exportAfter).contains("\"erasedat\"");
        assertThat(java.nio.file.Files.readString(kept)).as("the kept import file").doesNotContain(email).contains("[erased]");
        assertThat(jdbc.sql("SELECT action || ':' || COALESCE(after_state, '') FROM audit_entry WHERE entity_id = ?"
                + " ORDER BY id DESC LIMIT 1").param(id).query(String.class).single())
                .as("the erase is audited, without the person's data").startsWith("erased:").contains("\"parts\"");
        assertThat(jdbc.sql("SELECT payload FROM webhook_delivery WHERE endpoint_id = ? AND event_type = 'lead.erased'")
                .param(UUID.fromString(hook)).query(String.class).single()).contains(id);

        assertThat(report("/api/v1/insights/funnel")).as("the funnel tile counts the same").isEqualTo(funnelBefore);
        assertThat(report("/api/v1/sla/report")).as("the SLA report counts the same").isEqualTo(slaBefore);
        assertThat(count("SELECT COUNT(*) FROM lead_stage_event WHERE lead_id = ?", UUID.fromString(id))).isEqualTo(stageRows);
        JsonNode lead = body(send(get("/api/v1/leads/" + id), adminToken, null));
        assertThat(lead.get("stage").asString()).as("the lead stays, anonymous, where it stood").isEqualTo("MQL");
        assertThat(lead.hasNonNull("email")).isFalse();

        MvcResult again = send(delete("/api/v1/leads/" + id + "/personal-data"), adminToken, null);
        assertThat(again.getResponse().getStatus()).isEqualTo(409);
        assertThat(again.getResponse().getContentAsString()).contains(id, "erased");
        assertThat(page("/leads/" + id)).contains("personal data was erased");
    }

    @Test
    void anErasedPersonIsRefusedByApiBatchImportAndWebFormWithTheReasonAndStoredNowhere() throws Exception {
        String id = created("{\"email\": \"" + email + "\", \"phone\": \"" + phone + "\", \"firstName\": \"" + first
                + "\", \"lastName\": \"" + last + "\"}");
        assertThat(send(delete("/api/v1/leads/" + id + "/personal-data"), adminToken, null).getResponse().getStatus())
                .isEqualTo(200);

        MvcResult api = send(post("/api/v1/leads"), repToken, "{\"email\": \"" + email.toUpperCase(Locale.ROOT)
                + "\", \"firstName\": \"" + first + "\"}");
        assertThat(api.getResponse().getStatus()).isEqualTo(400);
        JsonNode problem = body(api);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(problem.toString()).contains("asked to have their personal data erased");
        MvcResult byPhone = send(post("/api/v1/leads"), repToken, "{\"phone\": \"" + phoneE164 + "\", \"lastName\": \"" + last + "\"}");
        assertThat(byPhone.getResponse().getStatus()).as("the phone in another spelling is the same number").isEqualTo(400);
        assertThat(body(byPhone).get("errors").get(0).get("field").asString()).isEqualTo("phone");

        JsonNode batch = body(send(post("/api/v1/leads/batch"), repToken, "{\"leads\": [{\"email\": \"" + email + "\"},"
                + " {\"email\": \"other." + UUID.randomUUID() + "@example.org\"}]}"));
        assertThat(batch.get("rejected").asInt()).isOne();
        assertThat(batch.get("created").asInt()).isOne();
        assertThat(batch.get("results").get(0).toString()).contains("email", "asked to have their personal data erased");

        ImportApi imports = new ImportApi(mvc, json, adminToken);
        JsonNode imported = imports.startAndAwait(imports.uploadId("email,firstName\r\n" + email + "," + first + "\r\n"), null);
        assertThat(imported.get("failed").asLong()).isOne();
        assertThat(imported.get("created").asLong()).isZero();
        String errors = imports.send(get("/api/v1/imports/" + imported.get("id").asString() + "/errors"), null).getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(errors).contains("asked to have their personal data erased").doesNotContain(email);

        WebForms.WebForm form = forms.create("Contact " + UUID.randomUUID(), List.of("www.example.com"), "website", null,
                Instant.now());
        MvcResult web = mvc.perform(post("/w2l").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("oid", form.key())
                .param("email", email).param("last_name", last).with(r -> {
                    r.setRemoteAddr("127.0.0.77");
                    return r;
                })).andReturn();
        assertThat(web.getResponse().getStatus()).isEqualTo(400);
        assertThat(web.getResponse().getContentAsString()).contains("asked to have their personal data erased");

        settled();
        assertThat(everyTextColumnMentioning(values())).as("refused, the person is stored nowhere").isEmpty();
    }

    @Test
    void withTheSettingOnAnonymiseAnErasedPersonComesInAsAnAnonymousLead() throws Exception {
        String id = created("{\"email\": \"" + email + "\", \"firstName\": \"" + first + "\", \"lastName\": \"" + last + "\"}");
        send(delete("/api/v1/leads/" + id + "/personal-data"), adminToken, null);
        assertThat(send(put("/api/v1/suppression-list/settings"), adminToken, "{\"reIntake\": \"ANONYMISE\"}").getResponse()
                .getStatus()).isEqualTo(200);

        MvcResult again = send(post("/api/v1/leads"), repToken, "{\"email\": \"" + email + "\", \"firstName\": \"" + first
                + "\", \"lastName\": \"" + last + "\", \"country\": \"DE\", \"source\": \"fair\", \"description\": \"I am "
                + first + "\"}");

        assertThat(again.getResponse().getStatus()).isEqualTo(201);
        JsonNode lead = body(again);
        assertThat(lead.get("id").asString()).isNotEqualTo(id);
        assertThat(lead.hasNonNull("email")).isFalse();
        assertThat(lead.hasNonNull("lastName")).isFalse();
        assertThat(lead.get("country").asString()).isEqualTo("DE");
        assertThat(lead.get("source").asString()).isEqualTo("fair");
        ImportApi imports = new ImportApi(mvc, json, adminToken);
        JsonNode imported = imports.startAndAwait(imports.uploadId("email,lastName,country\r\n" + email + "," + last + ",FR\r\n"), null);
        assertThat(imported.get("created").asLong()).isOne();
        WebForms.WebForm form = forms.create("Contact " + UUID.randomUUID(), List.of("www.example.com"), "website", null,
                Instant.now());
        MvcResult web = mvc.perform(post("/w2l").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("oid", form.key())
                .param("email", email).param("last_name", last).with(r -> {
                    r.setRemoteAddr("127.0.0.78");
                    return r;
                })).andReturn();
        assertThat(web.getResponse().getStatus()).isEqualTo(200);
        settled();
        assertThat(everyTextColumnMentioning(values())).as("anonymised, the person is stored nowhere").isEmpty();
    }

    @Test
    void erasingAnUnknownLeadIsANotFoundNamingIt() throws Exception {
        UUID unknown = UUID.randomUUID();
        MvcResult result = send(delete("/api/v1/leads/" + unknown + "/personal-data"), adminToken, null);
        assertThat(result.getResponse().getStatus()).isEqualTo(404);
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(result.getResponse().getContentAsString()).contains(unknown.toString());
        assertThat(send(get("/api/v1/leads/" + unknown + "/personal-data"), adminToken, null).getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void onlyAdminsExportOrEraseAndTheEraseAsksFirstSayingThereIsNoUndo() throws Exception {
        String id = created("{\"email\": \"" + email + "\", \"lastName\": \"" + last + "\"}");
        assertThat(send(delete("/api/v1/leads/" + id + "/personal-data"), repToken, null).getResponse().getStatus()).isEqualTo(403);
        assertThat(send(get("/api/v1/leads/" + id + "/personal-data"), repToken, null).getResponse().getStatus()).isEqualTo(403);
        assertThat(page("/leads/" + id)).contains("Download personal data", "Erase personal data");

        String confirm = page("/admin/leads/" + id + "/erase");
        assertThat(confirm).contains("There is no undo", "confirm-erase");
        MvcResult done = mvc.perform(post("/admin/leads/" + id + "/erase").with(user(Fixtures.signedIn(admin))).with(csrf()))
                .andReturn();
        assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/leads/" + id);
        assertThat(count("SELECT COUNT(*) FROM lead WHERE id = ? AND erased_at IS NOT NULL", UUID.fromString(id))).isOne();
        assertThat(page("/admin/suppression-list")).contains("Their data was erased");
    }

    @Test
    void consentIsWithdrawnWhateverTheStageAuditedAndOfferedAsAWebhook() throws Exception {
        String hook = body(send(post("/api/v1/webhooks"), adminToken, "{\"url\": \"" + receiver.url("/consent-" + UUID.randomUUID()) + "\", \"events\":"
                + " [\"lead.consent_withdrawn\"]}")).get("id").asString();
        String id = created("{\"email\": \"" + email + "\", \"consentGiven\": true, \"consentMethod\": \"badge scan\"}");
        send(post("/api/v1/leads/" + id + "/transitions"), adminToken, "{\"to\": \"MQL\"}");

        JsonNode consent = body(send(post("/api/v1/leads/" + id + "/consent/withdraw"), repToken,
                "{\"how\": \"reply to the newsletter\"}"));

        assertThat(consent.get("given").asBoolean()).isFalse();
        assertThat(consent.get("how").asString()).as("how it was given stays on record").isEqualTo("badge scan");
        assertThat(consent.get("withdrawnHow").asString()).isEqualTo("reply to the newsletter");
        assertThat(body(send(get("/api/v1/leads/" + id), repToken, null)).get("stage").asString()).isEqualTo("MQL");
        assertThat(body(send(get("/api/v1/leads/" + id + "/personal-data"), adminToken, null)).get("lead").get("consent")
                .get("withdrawnAt").isNull()).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_id = ? AND action = 'consent-withdrawn'").param(id)
                .query(Long.class).single()).isOne();
        await().until(() -> count("SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = ? AND event_type ="
                + " 'lead.consent_withdrawn'", UUID.fromString(hook)) == 1);
        assertThat(send(post("/api/v1/leads/" + id + "/consent/withdraw"), repToken, null).getResponse().getStatus())
                .as("withdrawn already").isEqualTo(409);
        assertThat(send(post("/api/v1/leads/" + id + "/consent/withdraw"), repToken, "{\"how\": \"" + "x".repeat(201)
                + "\"}").getResponse().getContentAsString()).contains("how");
    }

    @Test
    void theSuppressionListTakesEmailsAndPhonesKeepsOnlyDigestsAndRefusesBadInput() throws Exception {
        MvcResult added = send(post("/api/v1/suppression-list"), adminToken, "{\"email\": \"" + email + "\", \"phone\": \""
                + phone + "\"}");
        assertThat(added.getResponse().getStatus()).isEqualTo(201);
        assertThat(body(added)).hasSize(2);
        assertThat(everyTextColumnMentioning(values())).as("only salted digests are kept").isEmpty();
        assertThat(send(post("/api/v1/leads"), repToken, "{\"email\": \"" + email + "\"}").getResponse().getStatus())
                .isEqualTo(400);
        assertThat(send(post("/api/v1/suppression-list"), adminToken, "{\"email\": \"" + email + "\"}").getResponse()
                .getStatus()).as("on the list already").isEqualTo(200);

        MvcResult nothing = send(post("/api/v1/suppression-list"), adminToken, "{}");
        assertThat(nothing.getResponse().getStatus()).isEqualTo(400);
        assertThat(nothing.getResponse().getContentAsString()).contains("email");
        MvcResult notAPhone = send(post("/api/v1/suppression-list"), adminToken, "{\"phone\": \"call me\"}");
        assertThat(notAPhone.getResponse().getStatus()).isEqualTo(400);
        assertThat(notAPhone.getResponse().getContentAsString()).contains("phone");
        MvcResult badSetting = send(put("/api/v1/suppression-list/settings"), adminToken, "{\"reIntake\": \"IGNORE\"}");
        assertThat(badSetting.getResponse().getStatus()).isEqualTo(400);
        assertThat(send(post("/api/v1/suppression-list"), repToken, "{\"email\": \"x@example.org\"}").getResponse().getStatus())
                .isEqualTo(403);

        for (JsonNode entry : body(send(get("/api/v1/suppression-list"), adminToken, null)).get("entries")) {
            if (entry.get("reason").asString().equals("ADDED")) {
                send(delete("/api/v1/suppression-list/" + entry.get("id").asString()), adminToken, null);
            }
        }
        assertThat(send(post("/api/v1/leads"), repToken, "{\"email\": \"" + email + "\"}").getResponse().getStatus())
                .as("off the list, the person comes in again").isEqualTo(201);
        assertThat(send(delete("/api/v1/suppression-list/" + UUID.randomUUID()), adminToken, null).getResponse().getStatus())
                .isEqualTo(404);
    }

    /** The email (as given and as compared), the phone (as given and in E.164) and both names. */
    private List<String> values() {
        return List.of(email, email.toLowerCase(Locale.ROOT), phone, phoneE164, first, last);
    }

    /**
     * Every "table.column" (of every table in the schema, found through INFORMATION_SCHEMA, so tables
     * added later are searched too) whose text holds one of the values, any case.
     */
    private List<String> everyTextColumnMentioning(List<String> values) {
        List<String[]> columns = jdbc.sql("""
                SELECT c.table_name, c.column_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = current_schema() AND t.table_type IN ('BASE TABLE', 'TABLE')
                AND LOWER(c.data_type) IN ('character varying', 'varchar', 'text', 'character', 'char',
                    'character large object', 'clob')""")
                .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list();
        assertThat(columns).as("the schema's text columns are found").hasSizeGreaterThan(100);
        List<String> found = new ArrayList<>();
        for (String[] column : columns) {
            for (String value : values) {
                long hits = jdbc.sql("SELECT COUNT(*) FROM " + column[0] + " WHERE LOWER(" + column[1] + ") LIKE ?")
                        .param("%" + value.toLowerCase(Locale.ROOT) + "%").query(Long.class).single();
                if (hits > 0) {
                    found.add(column[0] + "." + column[1] + " has " + value);
                }
            }
        }
        return found;
    }

    /** Waits until every listener of what was published so far has run. */
    private void settled() {
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT COUNT(*) FROM event_publication"
                + " WHERE completion_date IS NULL", null) == 0);
    }

    private long count(String sql, Object arg) {
        var statement = jdbc.sql(sql);
        return (arg == null ? statement : statement.param(arg)).query(Long.class).single();
    }

    /** The report's JSON without the moment it was made. */
    private String report(String path) throws Exception {
        MvcResult result = send(get(path), adminToken, null);
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        JsonNode node = body(result);
        if (node instanceof ObjectNode object) {
            object.remove(List.of("generatedAt", "asOf", "computedAt", "at"));
        }
        return node.toString();
    }

    private String page(String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(user(Fixtures.signedIn(admin)))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private String created(String lead) throws Exception {
        MvcResult result = send(post("/api/v1/leads"), repToken, lead);
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        return body(result).get("id").asString();
    }

    private MvcResult send(MockHttpServletRequestBuilder request, String bearer, String content) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        if (content != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(content);
        }
        return mvc.perform(request).andReturn();
    }

    private JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static String letters(Random random, int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
