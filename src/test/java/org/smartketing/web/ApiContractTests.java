package org.smartketing.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.smartketing.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The API contract clients are generated from (src/test/resources/openapi.json, which the build
 * generates the test client from) is what the server serves; the served document is saved as
 * target/openapi.json for the lint in CI.
 */
@IntegrationTest
class ApiContractTests {

    static final Path COMMITTED = Path.of("src/test/resources/openapi.json");
    static final Path SERVED = Path.of("target/openapi.json");

    @Autowired
    MockMvc mvc;

    @Test
    void servesTheContractTheClientsAreGeneratedFrom() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode served = json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
        String pretty = json.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n";
        Files.createDirectories(SERVED.getParent());
        Files.writeString(SERVED, pretty, StandardCharsets.UTF_8);

        assertThat(Files.exists(COMMITTED)).as(COMMITTED + " exists").isTrue();
        JsonNode committed = json.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));
        assertThat(differences(committed, served, ""))
                .as("the served contract changed: review target/openapi.json and copy it to " + COMMITTED)
                .isEmpty();
    }

    /** Where two documents differ, down to a path's operation or a schema. */
    private static List<String> differences(JsonNode committed, JsonNode served, String at) {
        if (committed.equals(served)) {
            return List.of();
        }
        if (!committed.isObject() || !served.isObject() || at.split("/").length > 3) {
            return List.of(at.isEmpty() ? "/" : at);
        }
        Set<String> names = new java.util.TreeSet<>(committed.propertyNames());
        names.addAll(served.propertyNames());
        List<String> found = new ArrayList<>();
        for (String name : names) {
            found.addAll(differences(committed.path(name), served.path(name), at + "/" + name));
        }
        return found;
    }

    @Test
    void describesEveryOperationWithItsTagSummaryIdAndProblems() throws Exception {
        JsonNode api = JsonMapper.builder().build()
                .readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
        Set<String> ids = new HashSet<>();
        List<String> faults = new ArrayList<>();
        api.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = op.getValue();
            String id = operation.path("operationId").asString("");
            if (!id.matches("[a-z][A-Za-z0-9]+") || !ids.add(id)) {
                faults.add(where + ": operation id '" + id + "' is not a unique camelCase word");
            }
            if (operation.path("summary").asString("").isBlank() || operation.path("tags").isEmpty()) {
                faults.add(where + ": no summary or tag");
            }
            if (operation.path("tags").toString().contains("-controller")) {
                faults.add(where + ": tagged with a class name");
            }
            operation.path("responses").properties().forEach(r -> {
                if (r.getValue().path("content").has("*/*")) {
                    faults.add(where + " " + r.getKey() + ": */* instead of a media type");
                }
                if (r.getKey().startsWith("4") && !r.getValue().path("$ref").asString("").startsWith("#/components/responses/")) {
                    faults.add(where + " " + r.getKey() + ": not the shared problem details");
                }
            });
        }));
        assertThat(faults).isEmpty();
        assertThat(api.at("/paths/~1api~1v1~1tokens/post/security/0").has("password")).as("tokens take HTTP Basic").isTrue();
        assertThat(api.at("/paths/~1api~1v1~1leads/post/responses/201/headers").has("Location")).isTrue();
        assertThat(api.at("/paths/~1api~1v1~1sla~1report/get/responses/200/content").has("text/csv")).isTrue();
        assertThat(api.at("/paths/~1api~1v1~1meeting-series~1{id}~1ics/get/responses/200/content").has("text/calendar")).isTrue();
        assertThat(api.at("/components/schemas/CampaignDetails/properties").has("endsAfterStart")).isFalse();
        assertThat(api.at("/components/schemas/TokenRequest/properties/name/minLength").asInt()).isEqualTo(1);
    }
}
