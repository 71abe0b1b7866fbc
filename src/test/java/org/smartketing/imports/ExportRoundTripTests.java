package org.smartketing.imports;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The lead export, imported again, changes nothing: the same leads, every field as it was. */
@IntegrationTest
class ExportRoundTripTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper json;

    ImportApi api;
    String run;

    @BeforeEach
    void aMarketerWithAWriteToken() {
        api = new ImportApi(mvc, json, fixtures.tokenFor(fixtures.aPerson(AppRole.MEMBER, Department.MARKETING),
                TokenScope.READ_WRITE));
        run = ImportCorpus.unique();
    }

    @Test
    void theLeadExportImportedAgainLeavesEveryLeadAsItWas() throws Exception {
        String source = "roundtrip-" + run;
        String[] bodies = {
                "{\"email\": \"a." + run + "@example.com\", \"salutation\": \"Dr.\", \"firstName\": \"Ann\", \"lastName\": \"O'Neil\","
                        + " \"phone\": \"+1 650 253 0000 ext. 123\", \"mobile\": \"+44 7911 123456\", \"company\": \"=Acme, Inc.\","
                        + " \"title\": \"CFO\", \"website\": \"https://acme.example\", \"industry\": \"Retail\","
                        + " \"street\": \"1 Main St\\nSuite 2\", \"city\": \"Zürich\", \"postalCode\": \"8001\", \"region\": \"ZH\","
                        + " \"country\": \"CH\", \"annualRevenue\": 1250000.5, \"employees\": 42, \"source\": \"" + source + "\","
                        + " \"tags\": [\"vip\", \"fair\"], \"description\": \"Said \\\"call me\\\"\","
                        + " \"externalIds\": {\"salesforce\": \"00Q" + run + "\"}}",
                "{\"phone\": \"+49 30 " + (1_000_000 + Math.floorMod(run.hashCode(), 8_999_999)) + "\", \"country\": \"Germany\", \"lastName\": \"Only a phone\", \"source\": \"" + source + "\"}" };
        for (String body : bodies) {
            assertThat(api.send(post("/api/v1/leads"), body).getResponse().getStatus()).isEqualTo(201);
        }
        List<JsonNode> before = leads(source);
        MvcResult export = api.send(get("/api/v1/leads").param("source", source).param("format", "csv"), null);
        byte[] file = export.getResponse().getContentAsByteArray();

        MvcResult uploaded = api.upload(file, Map.of());
        assertThat(uploaded.getResponse().getStatus()).as(uploaded.getResponse().getContentAsString()).isEqualTo(201);
        JsonNode done = api.startAndAwait(api.body(uploaded).get("id").asString(), "CREATE_AND_OVERWRITE");

        assertThat(done.get("state").asString()).isEqualTo("DONE");
        assertThat(done.get("created").asInt()).as("every row is a lead already known").isZero();
        assertThat(done.get("failed").asInt()).as(done.toString()).isZero();
        assertThat(leads(source)).isEqualTo(before);
    }

    /** The leads of the source by id, without what any write changes (its time and version). */
    private List<JsonNode> leads(String source) throws Exception {
        JsonNode page = api.body(api.send(get("/api/v1/leads").param("source", source), null));
        List<JsonNode> leads = new java.util.ArrayList<>();
        page.get("items").forEach(lead -> {
            ObjectNode copy = (ObjectNode) lead.deepCopy();
            copy.remove(List.of("updatedAt", "version", "merged", "score"));
            leads.add(copy);
        });
        leads.sort(java.util.Comparator.comparing(l -> l.get("id").asString()));
        return leads;
    }
}
