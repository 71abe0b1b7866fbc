package org.smartketing.imports.running;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.imports.ImportApi;
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
class ImportJobRestartAndUndoTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportRunning running;

    @Autowired
    Importing importing;

    ImportApi api;

    @BeforeEach
    void aMarketer() {
        Person marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        api = new ImportApi(mvc, json, fixtures.tokenFor(marketer, TokenScope.READ_WRITE));
    }

    @AfterEach
    void noMoreInterruptions() {
        running.afterChunk = () -> {
        };
    }

    /** 230 people, one of them twice in another case, a line too wide, a row with no way to reach them. */
    static String file(String run) {
        return file(run, false);
    }

    /** @param ids with a Salesforce id per row */
    static String file(String run, boolean ids) {
        String id = ids ? ",externalIds.salesforce" : "";
        StringBuilder csv = new StringBuilder("email,firstName,company" + id + "\r\n");
        for (int i = 0; i < 230; i++) {
            csv.append("r").append(i).append('.').append(run).append("@example.com,Name").append(i).append(',')
                    .append(ids ? ",00Q" + run + i : "").append("\r\n");
            if (i == 120) {
                csv.append("R7.").append(run).append("@Example.com,,Acme").append(ids ? ",00Q" + run + 7 : "").append("\r\n");
                csv.append("x.").append(run).append("@example.com,too,many,fields,really\r\n");
                csv.append(",Nobody,").append(ids ? "," : "").append("\r\n");
            }
        }
        return csv.toString();
    }

    @Test
    void aJobThatStopsAfterACommittedChunkGoesOnFromThereWithTheCountsOfAnUninterruptedRun() throws Exception {
        String whole = UUID.randomUUID().toString().substring(0, 8);
        JsonNode uninterrupted = api.startAndAwait(api.uploadId(file(whole)), null);

        String crashed = UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger chunks = new AtomicInteger();
        running.afterChunk = () -> {
            if (chunks.incrementAndGet() == 2) {
                throw new IllegalStateException("the node went away after its second chunk");
            }
        };
        JsonNode resumed = api.startAndAwait(api.uploadId(file(crashed)), null);

        assertThat(chunks.get()).isGreaterThan(2); // it went on after the crash
        assertThat(resumed.get("state").asString()).isEqualTo("DONE");
        for (String count : List.of("rows", "processed", "created", "updated", "merged", "skipped", "failed")) {
            assertThat(resumed.get(count).asLong()).as(count).isEqualTo(uninterrupted.get(count).asLong());
        }
        assertThat(uninterrupted.get("created").asLong()).isEqualTo(230);
        assertThat(uninterrupted.get("merged").asLong()).isOne();
        assertThat(uninterrupted.get("failed").asLong()).isEqualTo(2);
        assertThat(leads(crashed)).isEqualTo(leads(whole)).isEqualTo(230);
        assertThat(errorLines(resumed)).isEqualTo(errorLines(uninterrupted)).containsExactly(124L, 125L);
    }

    @Test
    void aCancelLandsBetweenTwoChunksAndKeepsWhatWasCommitted() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String id = api.uploadId(file(run));
        running.afterChunk = () -> importing.cancel(UUID.fromString(id));

        JsonNode cancelled = api.startAndAwait(id, null);

        assertThat(cancelled.get("state").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("processed").asLong()).isEqualTo(50);
        assertThat(cancelled.get("created").asLong()).isEqualTo(50);
        assertThat(leads(run)).isEqualTo(50);
        assertThat(api.send(post("/api/v1/imports/" + id + "/cancel"), null).getResponse().getStatus()).isEqualTo(409);
    }

    @Test
    void undoPutsTheLeadTablesBackAsTheyWereRowByRow() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (String lead : List.of("{\"email\": \"r3." + run + "@example.com\", \"firstName\": \"Known\"}",
                "{\"email\": \"r4." + run + "@example.com\", \"firstName\": \"Whole\", \"company\": \"Full\"}")) {
            assertThat(api.send(post("/api/v1/leads"), lead).getResponse().getStatus()).isEqualTo(201);
        }
        String fill = api.uploadId(file(run, true).replace("r3." + run + "@example.com,Name3,", "r3." + run
                + "@example.com,Name3,Filled"));
        Map<String, List<String>> before = tables();

        JsonNode done = api.startAndAwait(fill, null);
        assertThat(done.get("updated").asLong()).isEqualTo(2); // r3 gets a company and its id; r4 its id
        assertThat(done.get("created").asLong()).isEqualTo(228);
        assertThat(tables()).isNotEqualTo(before);
        assertThat(jdbc.sql("SELECT external_id FROM lead_external_id WHERE system = 'salesforce' AND lead_id ="
                + " (SELECT id FROM lead WHERE email_key = ?)").param("r3." + run + "@example.com").query(String.class)
                .single()).isEqualTo("00Q" + run + 3);

        MvcResult undo = api.send(post("/api/v1/imports/" + fill + "/undo"), null);

        assertThat(undo.getResponse().getStatus()).isEqualTo(200);
        JsonNode undone = api.body(undo);
        assertThat(undone.get("removed").asLong()).isEqualTo(228);
        assertThat(undone.get("restored").asLong()).isEqualTo(2);
        assertThat(tables()).isEqualTo(before);
        assertThat(api.status(fill).get("state").asString()).isEqualTo("UNDONE");
        assertThat(api.send(post("/api/v1/imports/" + fill + "/undo"), null).getResponse().getStatus()).isEqualTo(409);
    }

    /** The funnel's lead tables, every row; the stage entries rollup summed per key (its slots are spread at random). */
    private Map<String, List<String>> tables() {
        Awaitility.await().until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication"
                + " WHERE status IN ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')").query(Long.class).single() == 0);
        Map<String, List<String>> tables = new java.util.LinkedHashMap<>();
        for (String table : List.of("lead", "lead_touch", "lead_stage_event", "lead_engagement", "lead_external_id",
                "lead_import_change", "lead_import_touch")) {
            tables.put(table, jdbc.sql("SELECT * FROM " + table + " ORDER BY 1, 2").query().listOfRows().stream()
                    .map(Object::toString).toList());
        }
        tables.put("lead_stage_entry_day", jdbc.sql("SELECT entry_day, stage, source, campaign_id, owner_id,"
                + " SUM(entries) FROM lead_stage_entry_day GROUP BY entry_day, stage, source, campaign_id, owner_id"
                + " ORDER BY 1, 2, 3, 4, 5").query().listOfRows().stream().map(Object::toString).toList());
        return tables;
    }

    private long leads(String run) {
        return jdbc.sql("SELECT COUNT(*) FROM lead WHERE email_key LIKE ?").param("%." + run + "@example.com")
                .query(Long.class).single();
    }

    private static List<Long> errorLines(JsonNode status) {
        List<Long> lines = new java.util.ArrayList<>();
        status.get("errors").forEach(e -> lines.add(e.get("line").asLong()));
        return lines;
    }
}
