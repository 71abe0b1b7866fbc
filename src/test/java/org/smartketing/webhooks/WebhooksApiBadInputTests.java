package org.smartketing.webhooks;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.LocalReceiver;
import org.smartketing.team.AppRole;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registering and changing endpoints by API: 201 with Location and the secret once; bad input is a
 * problem detail naming the field, and nothing is stored.
 */
@IntegrationTest
class WebhooksApiBadInputTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    Fixtures fixtures;

    WebhookApi api;

    @BeforeEach
    void anAdmin() {
        api = new WebhookApi(mvc, json, fixtures.tokenFor(fixtures.aPerson(AppRole.ADMIN), TokenScope.READ_WRITE));
    }

    @Test
    void aNewEndpointIsCreatedWithItsLocationAndItsSecretShownOnce() throws Exception {
        String url = LocalReceiver.get().url("/hooks/" + UUID.randomUUID());
        MvcResult created = api.create("""
                {"url": "%s", "events": ["lead.created", "sla.breached"], "description": "CRM sync"}""".formatted(url));

        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        JsonNode body = json.readTree(created.getResponse().getContentAsString());
        String id = body.get("id").asString();
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/v1/webhooks/" + id);
        assertThat(body.get("secret").asString()).startsWith("whsec_");
        JsonNode read = api.read("/api/v1/webhooks/" + id);
        assertThat(read.get("url").asString()).isEqualTo(url);
        assertThat(read.get("events")).extracting(JsonNode::asString).containsExactly("lead.created", "sla.breached");
        assertThat(read.get("enabled").asBoolean()).isTrue();
        assertThat(read.has("secret")).isFalse();
        assertThat(api.read("/api/v1/webhooks").toString()).contains(id).doesNotContain(body.get("secret").asString());
        assertThat(api.remove(id)).isEqualTo(204);
        assertThat(api.remove(id)).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a private address            | {\"url\": \"https://10.0.0.7/hook\", \"events\": [\"lead.created\"]}        | url    | this address cannot be used",
        "the cloud metadata address   | {\"url\": \"https://169.254.169.254/latest\", \"events\": [\"lead.created\"]} | url | this address cannot be used",
        "this machine                 | {\"url\": \"https://localhost/hook\", \"events\": [\"lead.created\"]}        | url    | this address cannot be used",
        "plain http                   | {\"url\": \"http://93.184.216.34/hook\", \"events\": [\"lead.created\"]}     | url    | must start with https://",
        "another scheme               | {\"url\": \"ftp://93.184.216.34/hook\", \"events\": [\"lead.created\"]}      | url    | must start with https://",
        "a malformed URL              | {\"url\": \"https://exa mple.com/x\", \"events\": [\"lead.created\"]}       | url    | is not a valid URL",
        "no URL                       | {\"events\": [\"lead.created\"]}                                           | url    | is required",
        "an unknown event type        | {\"url\": \"https://93.184.216.34/hook\", \"events\": [\"lead.exploded\"]}   | events | has an unknown event type \"lead.exploded\"",
        "an empty event list          | {\"url\": \"https://93.184.216.34/hook\", \"events\": []}                    | events | must name at least one event type",
        "no event list                | {\"url\": \"https://93.184.216.34/hook\"}                                    | events | must name at least one event type",
        "markup in the description    | {\"url\": \"https://93.184.216.34/hook\", \"events\": [\"lead.created\"], \"description\": \"<b>x</b>\"} | description | must not contain markup",
        "events of the wrong type     | {\"url\": \"https://93.184.216.34/hook\", \"events\": {\"a\": 1}}            | events | wrong type" })
    void badInputIsAProblemNamingTheField(String what, String body, String field, String message) throws Exception {
        int before = api.read("/api/v1/webhooks").size();

        MvcResult result = api.create(body);

        assertThat(result.getResponse().getStatus()).as(what).isEqualTo(400);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = json.readTree(result.getResponse().getContentAsString());
        assertThat(problem.at("/errors/0/field").asString()).as(what).isEqualTo(field);
        assertThat(problem.at("/errors/0/message").asString()).as(what).contains(message).doesNotContain("http://");
        assertThat(api.read("/api/v1/webhooks")).as("nothing stored").hasSize(before);
    }

    @Test
    void aChangeIsCheckedLikeANewEndpointAndUnknownOnesAreNotFound() throws Exception {
        String id = api.register(LocalReceiver.get().url("/hooks/" + UUID.randomUUID()), "lead.created").get("id")
                .asString();

        MvcResult empty = api.patchEndpoint(id, "{\"events\": []}");
        MvcResult unknown = api.patchEndpoint(id, "{\"events\": [\"lead.created\", \"nope\"]}");
        MvcResult changed = api.patchEndpoint(id, "{\"events\": [\"lead.assigned\"], \"description\": \"Routing\"}");

        assertThat(empty.getResponse().getStatus()).isEqualTo(400);
        assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
        assertThat(unknown.getResponse().getContentAsString()).contains("\"field\":\"events\"");
        assertThat(changed.getResponse().getStatus()).isEqualTo(200);
        JsonNode read = api.read("/api/v1/webhooks/" + id);
        assertThat(read.get("events")).extracting(JsonNode::asString).containsExactly("lead.assigned");
        assertThat(read.get("description").asString()).isEqualTo("Routing");
        String nobody = UUID.randomUUID().toString();
        assertThat(api.patchEndpoint(nobody, "{\"enabled\": false}").getResponse().getStatus()).isEqualTo(404);
        assertThat(api.postTo("/api/v1/webhooks/" + nobody + "/rotate-secret").getResponse().getStatus()).isEqualTo(404);
        assertThat(api.postTo("/api/v1/webhooks/" + id + "/deliveries/" + nobody + "/redeliver").getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/v1/webhooks/not-an-id").header(HttpHeaders.AUTHORIZATION, "Bearer " + api.token()))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
        api.remove(id);
    }
}
