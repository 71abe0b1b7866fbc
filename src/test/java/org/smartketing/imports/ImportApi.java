package org.smartketing.imports;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The imports API as a client with one token uses it. */
public final class ImportApi {

    private final MockMvc mvc;
    private final JsonMapper json;
    private String token;

    public ImportApi(MockMvc mvc, JsonMapper json, String token) {
        this.mvc = mvc;
        this.json = json;
        this.token = token;
    }

    public void use(String otherToken) {
        token = otherToken;
    }

    public MvcResult upload(byte[] file, Map<String, String> params) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/imports")
                .file(new MockMultipartFile("file", "leads.csv", "text/csv", file));
        params.forEach(request::param);
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        return mvc.perform(request).andReturn();
    }

    /** Uploads the text as UTF-8 and answers the import's id. */
    public String uploadId(String text) throws Exception {
        MvcResult result = upload(text.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        return body(result).get("id").asString();
    }

    public MvcResult send(MockHttpServletRequestBuilder request, String body) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andReturn();
    }

    public JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    public JsonNode status(String id) throws Exception {
        return body(send(get("/api/v1/imports/" + id), null));
    }

    public void start(String id, String policy) throws Exception {
        MvcResult started = send(post("/api/v1/imports/" + id + "/start"),
                policy == null ? null : "{\"policy\": \"" + policy + "\"}");
        assertThat(started.getResponse().getStatus()).as(started.getResponse().getContentAsString()).isEqualTo(202);
    }

    public JsonNode startAndAwait(String id, String policy) throws Exception {
        start(id, policy);
        return awaitEnd(id);
    }

    public JsonNode awaitEnd(String id) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> status(id),
                s -> List.of("DONE", "FAILED", "CANCELLED").contains(s.get("state").asString()));
    }
}
