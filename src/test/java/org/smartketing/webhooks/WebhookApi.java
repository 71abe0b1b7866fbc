package org.smartketing.webhooks;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The webhooks API as an admin's read-write token calls it. */
record WebhookApi(MockMvc mvc, JsonMapper json, String token) {

    MvcResult create(String body) throws Exception {
        return mvc.perform(post("/api/v1/webhooks").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }

    /** A new endpoint for these event types at the URL; its id and secret. */
    JsonNode register(String url, String... events) throws Exception {
        MvcResult created = create(json.writeValueAsString(java.util.Map.of("url", url, "events", events)));
        if (created.getResponse().getStatus() != 201) {
            throw new AssertionError("create answered " + created.getResponse().getStatus() + ": "
                    + created.getResponse().getContentAsString());
        }
        return json.readTree(created.getResponse().getContentAsString());
    }

    MvcResult patchEndpoint(String id, String body) throws Exception {
        return mvc.perform(patch("/api/v1/webhooks/" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }

    MvcResult postTo(String path) throws Exception {
        return mvc.perform(post(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
    }

    JsonNode read(String path) throws Exception {
        MvcResult result = mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
        if (result.getResponse().getStatus() != 200) {
            throw new AssertionError("GET " + path + " answered " + result.getResponse().getStatus());
        }
        return json.readTree(result.getResponse().getContentAsString());
    }

    JsonNode deliveries(String id) throws Exception {
        return read("/api/v1/webhooks/" + id + "/deliveries");
    }

    int remove(String id) throws Exception {
        return mvc.perform(delete("/api/v1/webhooks/" + id).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andReturn().getResponse().getStatus();
    }
}
