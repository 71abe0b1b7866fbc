package org.smartketing.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.support.CsvRows;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every list of the API answers {@code Accept: text/csv} and {@code ?format=csv} with the rows of
 * its JSON list, every page of them, under the same filter, cell for cell under the JSON field
 * names; the pages link to their list's CSV with their filter.
 */
@IntegrationTest
class ListExportsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper json;

    Person admin;
    String token;

    @BeforeEach
    void admin() {
        admin = fixtures.aPerson(AppRole.ADMIN);
        token = fixtures.tokenFor(admin, TokenScope.READ_WRITE);
    }

    @Test
    void activitiesComeOutAsEveryPageOfTheirJsonListWithThePersonsName() throws Exception {
        for (int i = 0; i < 5; i++) {
            send(post("/api/v1/activities"), "{\"type\": \"CALL\", \"outcome\": \"=call " + i + ", booked\"}", 201);
        }
        String filter = "personId=" + admin.id() + "&type=CALL";

        JsonNode rows = allPages("/api/v1/activities?" + filter);
        String csv = csv("/api/v1/activities?" + filter);

        assertThat(rows).hasSize(5);
        assertThat(CsvRows.differences(csv, rows, "personName")).isEmpty();
        assertThat(CsvRows.records(csv)).allSatisfy(r -> assertThat(r.get("personName")).isEqualTo(admin.displayName()))
                .allSatisfy(r -> assertThat(r.get("outcome")).startsWith("'=call"));
    }

    @Test
    void peopleComeOutAsEveryPageOfTheirJsonList() throws Exception {
        String name = "Export" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            send(post("/api/v1/people"), "{\"email\": \"" + name.toLowerCase() + i + "@example.com\", \"displayName\": \""
                    + name + " " + i + "\", \"department\": \"SALES\", \"appRole\": \"MEMBER\", \"jobRole\": \"Rep\","
                    + " \"timeZone\": \"Europe/Berlin\", \"workStart\": \"09:00\", \"workEnd\": \"17:00\","
                    + " \"workDays\": [\"MONDAY\", \"TUESDAY\"]}", 201);
        }

        JsonNode rows = allPages("/api/v1/people?q=" + name + "&includeDisabled=true");
        String csv = csv("/api/v1/people?q=" + name + "&includeDisabled=true");

        assertThat(rows).hasSize(3);
        assertThat(CsvRows.differences(csv, rows, "managerName")).isEmpty();
    }

    @Test
    void everyOtherListComesOutAsItsJsonRows() throws Exception {
        send(post("/api/v1/campaigns"), "{\"name\": \"Spring fair " + UUID.randomUUID() + "\", \"channel\": \"event\", \"budget\": 1200,"
                + " \"currency\": \"EUR\"}", 201);
        Map<String, List<String>> lists = Map.of("/api/v1/campaigns", List.of("ownerName"), "/api/v1/teams", List.of(),
                "/api/v1/goals", List.of(), "/api/v1/meeting-series", List.of(), "/api/v1/action-items", List.of(),
                "/api/v1/cross-training/sessions", List.of(), "/api/v1/cross-training/offers", List.of(),
                "/api/v1/cross-training/asks", List.of(), "/api/v1/messages?box=sent", List.of());
        for (var list : lists.entrySet()) {
            JsonNode body = json.readTree(send(get(list.getKey()), null, 200).getResponse().getContentAsString());
            JsonNode rows = body.isArray() ? body : body.get("items");
            assertThat(CsvRows.differences(csv(list.getKey()), rows, list.getValue().toArray(String[]::new)))
                    .as(list.getKey()).isEmpty();
        }
    }

    @Test
    void acceptTextCsvAsksForTheSameFile() throws Exception {
        MvcResult byHeader = mvc.perform(get("/api/v1/teams").accept("text/csv")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();

        assertThat(byHeader.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains("teams.csv");
        assertThat(byHeader.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(csv("/api/v1/teams"));
    }

    @Test
    void thePagesLinkToTheirListAsCsvWithTheirFilterAndAnswerIt() throws Exception {
        for (String page : List.of("/activities?type=CALL", "/people?q=a", "/campaigns?model=LINEAR")) {
            String html = mvc.perform(get(page).with(user(Fixtures.signedIn(admin)))).andReturn().getResponse()
                    .getContentAsString();
            MvcResult file = mvc.perform(get(page + "&format=csv").with(user(Fixtures.signedIn(admin)))).andReturn();

            assertThat(html).as(page).contains("Export CSV");
            if (html.contains("csv-link")) {
                assertThat(html).as(page).contains(page.substring(page.indexOf('?') + 1) + "&amp;format=csv");
            }
            assertThat(file.getResponse().getContentType()).as(page).startsWith("text/csv");
            assertThat(file.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(page).startsWith("\uFEFF");
        }
    }

    private MvcResult send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String body, int status) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
        return result;
    }

    private String csv(String url) throws Exception {
        MvcResult result = send(get(url + (url.contains("?") ? "&" : "?") + "format=csv"), null, 200);
        assertThat(result.getResponse().getContentType()).startsWith("text/csv");
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Every page of a paged JSON list, two rows a page. */
    private JsonNode allPages(String url) throws Exception {
        var all = json.createArrayNode();
        for (int page = 0; ; page++) {
            JsonNode body = json.readTree(send(get(url + "&size=2&page=" + page), null, 200).getResponse()
                    .getContentAsString());
            body.get("items").forEach(all::add);
            if ((long) (page + 1) * 2 >= body.get("total").asLong()) {
                return all;
            }
        }
    }
}
