package org.smartketing.funnel;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.funnel.campaigns.Attribution;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Closed loop: customers and revenue credited to campaigns, first touch, last touch and linear. */
@IntegrationTest
class CampaignAttributionTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper json;

    @Autowired
    Attribution attribution;

    String token;

    @BeforeEach
    void aToken() {
        token = fixtures.tokenFor(fixtures.aPerson(AppRole.MEMBER), TokenScope.READ_WRITE);
    }

    @Test
    void creditsCustomersAndRevenueByEachModel() throws Exception {
        String webinar = campaign("Webinar " + System.nanoTime());
        String ebook = campaign("Ebook " + System.nanoTime());
        String ann = "ann." + System.nanoTime() + "@example.com";
        String first = lead(ann, webinar);
        lead(ann.toUpperCase(), ebook);
        win(first, "1000");
        String bob = lead("bob." + System.nanoTime() + "@example.com", ebook);
        win(bob, "500");

        assertThat(credit(Attribution.Model.FIRST_TOUCH, webinar)).isEqualTo("1.00 EUR 1000.00");
        assertThat(credit(Attribution.Model.FIRST_TOUCH, ebook)).isEqualTo("1.00 EUR 500.00");
        assertThat(credit(Attribution.Model.LAST_TOUCH, webinar)).isEqualTo("0.00 -");
        assertThat(credit(Attribution.Model.LAST_TOUCH, ebook)).isEqualTo("2.00 EUR 1500.00");
        assertThat(credit(Attribution.Model.LINEAR, webinar)).isEqualTo("0.50 EUR 500.00");
        assertThat(credit(Attribution.Model.LINEAR, ebook)).isEqualTo("1.50 EUR 1000.00");
    }

    @Test
    void theCampaignsPageShowsTheBudgetAsMoney() throws Exception {
        String name = "Budgeted " + System.nanoTime();
        campaign(name);
        String page = mvc.perform(get("/campaigns").locale(Locale.UK)
                        .with(user(Fixtures.signedIn(fixtures.aPerson(AppRole.MEMBER)))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(name, "€2,500").doesNotContain("EUR 2500");
    }

    @Test
    void refusesACampaignThatEndsBeforeItStartsOrHasABudgetWithoutCurrency() throws Exception {
        MvcResult dates = post("/api/v1/campaigns", "{\"name\": \"Backwards\", \"channel\": \"email\", "
                + "\"startsOn\": \"2026-12-01\", \"endsOn\": \"2026-11-01\"}");
        assertThat(dates.getResponse().getStatus()).isEqualTo(400);
        assertThat(dates.getResponse().getContentAsString()).contains("endsAfterStart");
        MvcResult money = post("/api/v1/campaigns", "{\"name\": \"Moneyless\", \"channel\": \"email\", \"budget\": 100, \"currency\": null}");
        assertThat(money.getResponse().getContentAsString()).contains("budgetWithCurrency");
        MvcResult currency = post("/api/v1/campaigns", "{\"name\": \"Odd money\", \"channel\": \"email\", \"budget\": 100, \"currency\": \"XYZ\"}");
        assertThat(currency.getResponse().getStatus()).isEqualTo(400);
        assertThat(currency.getResponse().getContentAsString()).contains("\"field\":\"currency\"");
    }

    private String credit(Attribution.Model model, String campaignId) {
        Attribution.Credit credit = attribution.report(model).stream()
                .filter(c -> c.campaignId().toString().equals(campaignId)).findFirst().orElseThrow();
        Map<String, BigDecimal> revenue = credit.revenue();
        return credit.customers() + " " + (revenue.isEmpty() ? "-" : revenue.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(",")));
    }

    private String campaign(String name) throws Exception {
        MvcResult created = post("/api/v1/campaigns", "{\"name\": \"" + name + "\", \"channel\": \"webinar\", "
                + "\"budget\": 2500, \"currency\": \"eur\"}");
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        return json.readTree(created.getResponse().getContentAsString()).get("id").asString();
    }

    private String lead(String email, String campaign) throws Exception {
        MvcResult result = post("/api/v1/leads", "{\"email\": \"" + email + "\", \"campaignId\": \"" + campaign + "\"}");
        return json.readTree(result.getResponse().getContentAsString()).get("id").asString();
    }

    private void win(String lead, String amount) throws Exception {
        for (String to : List.of("MQL", "SAL", "SQL")) {
            post("/api/v1/leads/" + lead + "/transitions", "{\"to\": \"" + to + "\"}");
        }
        post("/api/v1/leads/" + lead + "/transitions", "{\"to\": \"OPPORTUNITY\", \"amount\": " + amount + ", \"currency\": \"EUR\"}");
        assertThat(post("/api/v1/leads/" + lead + "/transitions", "{\"to\": \"CUSTOMER\"}").getResponse().getStatus())
                .isEqualTo(200);
    }

    private MvcResult post(String url, String body) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn();
    }
}
