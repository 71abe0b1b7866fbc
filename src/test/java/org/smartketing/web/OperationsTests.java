package org.smartketing.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Health, metrics and the API description, as operators and integrators reach them. */
@IntegrationTest
class OperationsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void reportsHealthToAnyone() throws Exception {
        MvcResult health = mvc.perform(get("/actuator/health")).andReturn();
        assertThat(health.getResponse().getStatus()).isEqualTo(200);
        assertThat(health.getResponse().getContentAsString()).contains("\"status\":\"UP\"");
    }

    @Test
    void servesPrometheusMetricsToAnAdminsTokenOrAMetricsTokenOnly() throws Exception {
        Person member = fixtures.aPerson(AppRole.MEMBER);
        for (String token : List.of(fixtures.tokenFor(fixtures.aPerson(AppRole.ADMIN), TokenScope.READ),
                fixtures.tokenFor(member, TokenScope.METRICS))) {
            MvcResult metrics = mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                    .andReturn();
            assertThat(metrics.getResponse().getStatus()).isEqualTo(200);
            assertThat(metrics.getResponse().getContentAsString()).contains("jvm_memory_used_bytes", "http_server_requests");
        }
        String membersRead = fixtures.tokenFor(member, TokenScope.READ_WRITE);
        assertThat(mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + membersRead))
                .andReturn().getResponse().getStatus()).as("a member's read token").isEqualTo(403);
        String metricsOnly = fixtures.tokenFor(member, TokenScope.METRICS);
        assertThat(mvc.perform(get("/api/v1/people").header(HttpHeaders.AUTHORIZATION, "Bearer " + metricsOnly))
                .andReturn().getResponse().getStatus()).as("a metrics token reads nothing else").isEqualTo(403);
    }

    @Test
    void opensTheApiDocumentationPageWithoutSigningIn() throws Exception {
        MvcResult docs = mvc.perform(get("/api/docs")).andReturn();
        String page = docs.getResponse().getRedirectedUrl();
        assertThat(page).isNotNull();
        MvcResult ui = mvc.perform(get(page)).andReturn();
        assertThat(ui.getResponse().getStatus()).isEqualTo(200);
        assertThat(ui.getResponse().getContentAsString()).contains("swagger-ui");
    }

    @Test
    void servesItsOwnStylesAndScriptsUnderStaticToAnyone() throws Exception {
        assertThat(mvc.perform(get("/static/css/app.css")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/static/js/app.js")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString())
                .contains("/static/css/app.css", "/webjars/picocss__pico/");
    }

    @Test
    void describesTheApiWithItsTokensInOpenApi() throws Exception {
        String docs = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        assertThat(docs).contains("\"/api/v1/people\"", "\"/api/v1/teams/{id}\"", "\"/api/v1/tokens\"",
                "\"scheme\":\"bearer\"").doesNotContain("\"/people/{id}/edit\"");
    }
}
