package org.smartketing.funnel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.smartketing.funnel.intake.IncomingLead;
import org.smartketing.funnel.intake.LeadIntake;
import org.smartketing.funnel.leads.LeadHistory;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The list's text search gives the same pages whichever way it finds them: a rare term through
 * the trigram indexes at once, a frequent one by walking the newest leads of the stage.
 */
@IntegrationTest
class LeadListSearchTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    LeadIntake intake;

    @Autowired
    JsonMapper json;

    @Test
    void pagesThroughAFrequentTermNewestFirstWithoutGapsOrRepeats() throws Exception {
        String term = "freq" + UUID.randomUUID().toString().substring(0, 8);
        List<String> newestFirst = leads(term, 60);

        assertThat(allPages(term, "NEW")).isEqualTo(newestFirst);
        assertThat(allPages(term, null)).isEqualTo(newestFirst);
        assertThat(allPages(term, "MQL")).isEmpty();
    }

    @Test
    void findsARareTermsFewLeadsInOrder() throws Exception {
        String term = "rare" + UUID.randomUUID().toString().substring(0, 8);
        List<String> newestFirst = leads(term, 3);

        assertThat(allPages(term, "NEW")).isEqualTo(newestFirst);
        assertThat(allPages(term.toUpperCase(), null)).as("any case").isEqualTo(newestFirst);
    }

    private List<String> leads(String term, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(intake.take(new IncomingLead("s" + i + "." + UUID.randomUUID() + "@example.com", null, null, null, null, "Search " + term, null, null, null, null, null, null, null, null, "US", null, null, null, null, null, null, null, null, null, null, null, null),
                    LeadHistory.Channel.API).lead().id().toString());
        }
        Collections.reverse(ids);
        return ids;
    }

    private List<String> allPages(String term, String stage) throws Exception {
        String token = fixtures.tokenFor(fixtures.aPerson(AppRole.MEMBER), TokenScope.READ);
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = get("/api/v1/leads").param("q", term).param("size", "25")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            if (stage != null) {
                request.param("stage", stage);
            }
            if (cursor != null) {
                request.param("cursor", cursor);
            }
            JsonNode page = json.readTree(mvc.perform(request).andReturn().getResponse().getContentAsString());
            page.get("items").valueStream().forEach(i -> ids.add(i.get("id").asString()));
            cursor = page.get("nextCursor") == null || page.get("nextCursor").isNull() ? null
                    : page.get("nextCursor").asString();
        } while (cursor != null);
        return ids;
    }
}
