package org.smartketing.funnel;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Admins register, change, switch off and remove website forms by API, and get a snippet that works. */
@IntegrationTest
class WebFormsApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper json;

    String admin;

    @BeforeEach
    void anAdminsToken() {
        admin = fixtures.tokenFor(fixtures.aPerson(AppRole.ADMIN), TokenScope.READ_WRITE);
    }

    @Test
    void aRegisteredFormGetsAKeyAndASnippetThatPostsALead() throws Exception {
        MvcResult created = send(post("/api/v1/web-forms"),
                "{\"name\": \"Trade fair\", \"returnHosts\": [\"fair.example.com\"], \"source\": \"fair\"}");
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        JsonNode form = json.readTree(created.getResponse().getContentAsString());
        assertThat(created.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith("/api/v1/web-forms/" + form.get("id").asString());
        String key = form.get("key").asString();
        assertThat(form.get("snippet").asString()).contains("action=\"http", "/w2l\"", "name=\"oid\" value=\"" + key + "\"",
                "accept-charset=\"UTF-8\"", "name=\"smk_hp\"", "https://fair.example.com/thank-you");

        String email = "snippet." + System.nanoTime() + "@example.com";
        MvcResult posted = mvc.perform(post("/w2l").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("oid", key)
                .param("email", email).param("retURL", "https://fair.example.com/thank-you")).andReturn();
        assertThat(posted.getResponse().getRedirectedUrl()).isEqualTo("https://fair.example.com/thank-you");

        MvcResult off = send(patch("/api/v1/web-forms/" + form.get("id").asString()), "{\"active\": false}");
        assertThat(json.readTree(off.getResponse().getContentAsString()).get("active").asBoolean()).isFalse();
        assertThat(mvc.perform(post("/w2l").contentType(MediaType.APPLICATION_FORM_URLENCODED).param("oid", key)
                .param("email", "later." + email)).andReturn().getResponse().getStatus())
                .as("a switched-off form takes no leads").isEqualTo(400);

        assertThat(send(delete("/api/v1/web-forms/" + form.get("id").asString()), null).getResponse().getStatus()).isEqualTo(204);
        assertThat(send(get("/api/v1/web-forms/" + form.get("id").asString()), null).getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void badSettingsAreRefusedNamingTheField() throws Exception {
        assertRefused("{\"name\": \"x\", \"returnHosts\": []}", "returnHosts");
        assertRefused("{\"name\": \"x\", \"returnHosts\": [\"https://a.example.com/path\"]}", "returnHosts[0]");
        assertRefused("{\"name\": \"\", \"returnHosts\": [\"a.example.com\"]}", "name");
        assertRefused("{\"name\": \"x\", \"returnHosts\": [\"a.example.com\"], \"fieldMap\": {\"00N1\": \"nosuchfield\"}}",
                "fieldMap.00N1");
        assertRefused("{\"name\": \"x\", \"returnHosts\": [\"a.example.com\"], \"campaignId\": \"00000000-0000-0000-0000-000000000000\"}",
                "campaignId");
    }

    private void assertRefused(String body, String field) throws Exception {
        MvcResult result = send(post("/api/v1/web-forms"), body);
        assertThat(result.getResponse().getStatus()).as(body).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("\"field\":\"" + field);
    }

    private MvcResult send(MockHttpServletRequestBuilder request, String body) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + admin);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andReturn();
    }
}
