package org.smartketing.imports;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@IntegrationTest
class ActivityImportApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    ImportApi api;
    String run;
    Person rep;
    String phone;

    @BeforeEach
    void aMarketerWithAWriteTokenAndThreeLeads() throws Exception {
        Person marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        api = new ImportApi(mvc, json, fixtures.tokenFor(marketer, TokenScope.READ_WRITE));
        run = ImportCorpus.unique();
        phone = "+49 30 " + (10_000_000 + Math.floorMod(run.hashCode(), 89_999_999));
        String leads = "email,phone,externalIds.salesforce,lastName\r\n"
                + "ann." + run + "@example.com,,,Ann-" + run + "\r\n"
                + "," + phone + ",,Bob-" + run + "\r\n"
                + ",,00Q" + run + ",Cem-" + run + "\r\n";
        JsonNode done = api.startAndAwait(api.uploadId(leads), null);
        assertThat(done.get("created").asLong()).isEqualTo(3);
    }

    @Test
    void importsActivitiesByLeadEmailPhoneOrOtherIdReportsBadLinesByLineAndColumnAndUndoesThem() throws Exception {
        String file = "Lead Email,Lead Phone,lead.externalIds.salesforce,Type,Date,Subject,Notes,Owner Email\r\n"
                + "ann." + run + "@example.com,,,Call,2024-03-05 14:30,First call,Wants a demo," + rep.email() + "\r\n"
                + "," + phone + ",,CALL,2024-03-05T14:30:00+01:00,,,\r\n"
                + ",,00Q" + run + ",Meeting,3/6/2024 9:00 AM,On site,," + rep.email() + "\r\n"
                + "nobody." + run + "@example.com,,,Email,2024-03-05,,,\r\n"
                + "ann." + run + "@example.com,,,Note,2024-03-05,,,\r\n"
                + "ann." + run + "@example.com,,,Demo,yesterday,,,\r\n"
                + "ann." + run + "@example.com,,,Demo,2024-03-07,,,stranger." + run + "@example.com\r\n";

        MvcResult uploaded = api.upload(file.getBytes(StandardCharsets.UTF_8), Map.of("kind", "activities"));
        assertThat(uploaded.getResponse().getStatus()).as(uploaded.getResponse().getContentAsString()).isEqualTo(201);
        JsonNode body = api.body(uploaded);
        String id = body.get("id").asString();
        assertThat(body.get("mapping").get("Lead Email").asString()).isEqualTo("lead.email");
        assertThat(body.get("mapping").get("Date").asString()).isEqualTo("occurredAt");
        assertThat(body.get("mapping").get("Owner Email").asString()).isEqualTo("owner");
        assertThat(body.get("preview").get(0).get("stored").get("type").asString()).isEqualTo("Call");
        assertThat(body.get("preview").get(0).get("stored").get("occurredAt").asString())
                .isEqualTo("2024-03-05T13:30:00Z"); // the importer's Berlin time

        JsonNode dryRun = api.body(api.send(post("/api/v1/imports/" + id + "/dry-run"), null));
        assertThat(dryRun.get("rows").asLong()).isEqualTo(7);
        assertThat(dryRun.get("failed").asLong()).isEqualTo(4);
        assertThat(errors(dryRun)).containsExactly("5 Lead Email: no lead has this email", "6 Type: is not a kind",
                "7 Date: is not a date", "8 Owner Email: no enabled person");
        assertThat(importedActivities()).isZero();

        JsonNode done = api.startAndAwait(id, null);
        assertThat(done.get("state").asString()).isEqualTo("DONE");
        assertThat(done.get("created").asLong()).isEqualTo(3);
        assertThat(done.get("failed").asLong()).isEqualTo(4);
        assertThat(errors(done)).hasSize(4);
        assertThat(importedActivities()).isEqualTo(3);
        UUID ann = jdbc.sql("SELECT id FROM lead WHERE email_key = ?").param("ann." + run + "@example.com")
                .query(UUID.class).single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM activity WHERE lead_id = ? AND type = 'CALL' AND person_id = ?"
                        + " AND occurred_at = ? AND outcome = ?")
                .params(ann, rep.id().value(), OffsetDateTime.of(2024, 3, 5, 13, 30, 0, 0, ZoneOffset.UTC),
                        "First call\nWants a demo")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM activity a JOIN lead l ON l.id = a.lead_id WHERE l.last_name = ?"
                        + " AND a.type = 'MEETING' AND a.occurred_at = ?")
                .params("Cem-" + run, OffsetDateTime.of(2024, 3, 6, 8, 0, 0, 0, ZoneOffset.UTC)).query(Long.class).single())
                .isEqualTo(1);

        MvcResult undone = api.send(post("/api/v1/imports/" + id + "/undo"), null);
        assertThat(undone.getResponse().getStatus()).as(undone.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(api.body(undone).get("removed").asInt()).isEqualTo(3);
        assertThat(importedActivities()).isZero();
        assertThat(api.status(id).get("state").asString()).isEqualTo("UNDONE");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lead WHERE email_key = ?").param("ann." + run + "@example.com")
                .query(Long.class).single()).as("the leads stay").isEqualTo(1);
    }

    @Test
    void anActivityFileWithoutALeadColumnIsReportedLineByLineNeverWritten() throws Exception {
        String id = api.body(api.upload("Type,Date\r\nCall,2024-03-05\r\n".getBytes(StandardCharsets.UTF_8),
                Map.of("kind", "activities"))).get("id").asString();

        JsonNode dryRun = api.body(api.send(post("/api/v1/imports/" + id + "/dry-run"), null));

        assertThat(dryRun.get("failed").asLong()).isEqualTo(1);
        assertThat(dryRun.get("errors").get(0).get("message").asString()).contains("the lead's email, phone or id");
    }

    @Test
    void routingIsRefusedForAFileOfActivities() throws Exception {
        String file = "Lead Email,Type,Date\r\nann." + run + "@example.com,Call,2024-03-05\r\n";
        String id = api.body(api.upload(file.getBytes(StandardCharsets.UTF_8), Map.of("kind", "activities")))
                .get("id").asString();

        MvcResult started = api.send(post("/api/v1/imports/" + id + "/start"), "{\"route\": true}");

        assertThat(started.getResponse().getStatus()).isEqualTo(400);
        assertThat(started.getResponse().getContentAsString()).contains("route");
        assertThat(importedActivities()).isZero();
    }

    private long importedActivities() {
        return jdbc.sql("SELECT COUNT(*) FROM activity a JOIN lead l ON l.id = a.lead_id"
                        + " WHERE a.source = 'IMPORT' AND l.last_name LIKE ?")
                .param("%-" + run).query(Long.class).single();
    }

    /** "line column: message" of each bad line, the message cut to the words that tell it. */
    private static List<String> errors(JsonNode body) {
        List<String> lines = new java.util.ArrayList<>();
        body.get("errors").forEach(e -> {
            String message = e.get("message").asString();
            String start = List.of("no lead has this email", "is not a kind", "is not a date", "no enabled person")
                    .stream().filter(message::startsWith).findFirst().orElse(message);
            lines.add(e.get("line").asLong() + " " + e.get("column").asString() + ": " + start);
        });
        return lines;
    }
}
