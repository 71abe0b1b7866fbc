package org.smartketing.funnel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.funnel.intake.IncomingLead;
import org.smartketing.funnel.intake.LeadIntake;
import org.smartketing.funnel.leads.LeadHistory;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The fields real exports carry, and the rules that keep a lead rather than lose it over one of them. */
@IntegrationTest
class LeadFieldsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LeadIntake intake;

    String token;
    String adminToken;

    @BeforeEach
    void tokens() {
        token = fixtures.tokenFor(fixtures.aPerson(AppRole.MEMBER, Department.MARKETING), TokenScope.READ_WRITE);
        adminToken = fixtures.tokenFor(fixtures.aPerson(AppRole.ADMIN), TokenScope.READ_WRITE);
    }

    @Test
    void keepsEveryFieldAnExportCarries() throws Exception {
        JsonNode lead = created("""
                {"email": "%s", "salutation": "Dr.", "firstName": "Ada", "lastName": "Byron", "title": "CTO",
                 "company": "Analytical Engines", "website": "https://engines.example.com", "industry": "Machinery",
                 "street": "12 St James's Square", "city": "London", "postalCode": "SW1Y 4JH", "region": "London",
                 "country": "United Kingdom", "annualRevenue": 1250000.50, "employees": 42,
                 "originalCreatedAt": "2019-03-04T05:06:07Z", "description": "Met at the fair",
                 "mobile": "+44 7911 123456"}""".formatted(unique("ada")));

        assertThat(lead.get("salutation").asString()).isEqualTo("Dr.");
        assertThat(lead.get("website").asString()).isEqualTo("https://engines.example.com");
        assertThat(lead.get("industry").asString()).isEqualTo("Machinery");
        assertThat(lead.get("street").asString()).isEqualTo("12 St James's Square");
        assertThat(lead.get("city").asString()).isEqualTo("London");
        assertThat(lead.get("postalCode").asString()).isEqualTo("SW1Y 4JH");
        assertThat(lead.get("country").asString()).as("an English country name becomes its code").isEqualTo("GB");
        assertThat(lead.get("annualRevenue").decimalValue()).isEqualByComparingTo("1250000.50");
        assertThat(lead.get("employees").asInt()).isEqualTo(42);
        assertThat(lead.get("originalCreatedAt").asString()).isEqualTo("2019-03-04T05:06:07Z");
        assertThat(lead.get("mobileE164").asString()).isEqualTo("+447911123456");
    }

    @Test
    void aPhoneWithAnExtensionIsKeptAsGivenAndReadAsItsNumberAndExtension() throws Exception {
        JsonNode us = created("{\"email\": \"" + unique("ext") + "\", \"country\": \"US\", \"phone\": \"412-628-2963x597\"}");
        assertThat(us.get("phone").asString()).isEqualTo("412-628-2963x597");
        assertThat(us.get("phoneE164").asString()).isEqualTo("+14126282963");
        assertThat(us.get("phoneExtension").asString()).isEqualTo("597");
        assertThat(us.get("phoneUnrecognised").asBoolean()).isFalse();

        JsonNode google = created("{\"email\": \"" + unique("ext2") + "\", \"phone\": \"+1 650 253 0000 ext. 123\"}");
        assertThat(google.get("phoneE164").asString()).isEqualTo("+16502530000");
        assertThat(google.get("phoneExtension").asString()).isEqualTo("123");
    }

    @Test
    void aPhoneThatIsNoRealNumberIsKeptAndFlaggedAndCostsNothing() throws Exception {
        JsonNode lead = created("{\"email\": \"" + unique("flag") + "\", \"phone\": \"+49 123\"}");
        assertThat(lead.get("phone").asString()).isEqualTo("+49 123");
        assertThat(lead.hasNonNull("phoneE164")).isFalse();
        assertThat(lead.get("phoneUnrecognised").asBoolean()).isTrue();
    }

    @Test
    void aBlankEmailIsNoEmailAndAnExternalIdAloneIsEnough() throws Exception {
        String sfId = "00Q" + System.nanoTime();
        JsonNode lead = created("{\"email\": \"\", \"phone\": \" \", \"lastName\": \"Only an id\", "
                + "\"externalIds\": {\"salesforce\": \"" + sfId + "\"}}");
        assertThat(lead.hasNonNull("email")).isFalse();
        assertThat(lead.get("externalIds").get("salesforce").asString()).isEqualTo(sfId);

        MvcResult again = send(post("/api/v1/leads"), token,
                "{\"externalIds\": {\"salesforce\": \"" + sfId + "\"}, \"company\": \"Found by its id\"}");
        assertThat(again.getResponse().getStatus()).as("the same external id is the same lead").isEqualTo(200);
        JsonNode merged = body(again);
        assertThat(merged.get("id").asString()).isEqualTo(lead.get("id").asString());
        assertThat(merged.get("company").asString()).isEqualTo("Found by its id");
    }

    @Test
    void emailsAreComparedAfterUnicodeNormalisation() throws Exception {
        String local = "zoe" + System.nanoTime();
        JsonNode first = created("{\"email\": \"" + local + "@ｅｘａｍｐｌｅ.com\"}");
        MvcResult second = send(post("/api/v1/leads"), token, "{\"email\": \"" + local.toUpperCase() + "@example.com\"}");
        assertThat(second.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(second).get("id").asString()).isEqualTo(first.get("id").asString());
    }

    @Test
    void customFieldsAreDefinedByAdminsAndCheckedByTheirKind() throws Exception {
        String key = "fleet" + (System.nanoTime() % 100_000);
        MvcResult defined = send(post("/api/v1/custom-fields"), adminToken,
                "{\"key\": \"" + key + "\", \"label\": \"Fleet size\", \"kind\": \"NUMBER\"}");
        assertThat(defined.getResponse().getStatus()).isEqualTo(201);
        assertThat(defined.getResponse().getHeader(HttpHeaders.LOCATION)).endsWith("/api/v1/custom-fields/" + key);
        assertThat(send(post("/api/v1/custom-fields"), token,
                "{\"key\": \"other\", \"label\": \"Other\", \"kind\": \"TEXT\"}").getResponse().getStatus())
                .as("only admins define fields").isEqualTo(403);

        JsonNode lead = created("{\"email\": \"" + unique("fleet") + "\", \"custom\": {\"" + key + "\": \"1,200\"}}");
        assertThat(lead.get("custom").get(key).asString()).isEqualTo("1200");

        MvcResult wrong = send(post("/api/v1/leads"), token,
                "{\"email\": \"" + unique("wrong") + "\", \"custom\": {\"" + key + "\": \"many\"}}");
        assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
        assertThat(wrong.getResponse().getContentAsString()).contains("custom." + key, "must be a number");

        MvcResult pickList = send(post("/api/v1/custom-fields"), adminToken,
                "{\"key\": \"" + key + "_tier\", \"label\": \"Tier\", \"kind\": \"PICK_LIST\", \"options\": []}");
        assertThat(pickList.getResponse().getStatus()).isEqualTo(400);
        assertThat(pickList.getResponse().getContentAsString()).contains("options");

        assertThat(send(delete("/api/v1/custom-fields/" + key), adminToken, null).getResponse().getStatus()).isEqualTo(204);
        MvcResult edited = send(patch("/api/v1/leads/" + lead.get("id").asString()), token, "{\"city\": \"Bremen\"}");
        assertThat(edited.getResponse().getStatus()).as("a value of a removed field does not block other changes")
                .isEqualTo(200);
        assertThat(body(edited).get("custom").get(key).asString()).isEqualTo("1200");
    }

    @Test
    void concurrentIntakesOfOneKnownLeadEachGetTheirResultAndNoneIsRefused() throws Exception {
        String email = unique("busy");
        intake.take(IncomingLead.of(email, null, "Busy", "Lead", null, null, null, null, "web", null, null),
                LeadHistory.Channel.API);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<LeadIntake.Result>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String company = "Company " + i;
                results.add(pool.submit(() -> intake.take(
                        IncomingLead.of(email.toUpperCase(), null, null, null, company, null, null, null, "web", null, null),
                        LeadHistory.Channel.API)));
            }
            for (Future<LeadIntake.Result> result : results) {
                assertThat(result.get().merged()).isTrue();
            }
        }
        finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lead WHERE email_key = ?").param(email.toLowerCase())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lead_touch t JOIN lead l ON l.id = t.lead_id WHERE l.email_key = ?")
                .param(email.toLowerCase()).query(Long.class).single()).isEqualTo(17);
    }

    @Test
    void concurrentIntakesOfOneNewLeadMakeOneLeadAndEachGetsAnAnswer() throws Exception {
        String email = unique("fresh");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<LeadIntake.Result>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> intake.take(
                        IncomingLead.of(email, null, null, "Fresh", null, null, null, null, "web", null, null),
                        LeadHistory.Channel.API)));
            }
            long created = 0;
            for (Future<LeadIntake.Result> result : results) {
                created += result.get().merged() ? 0 : 1;
            }
            assertThat(created).isEqualTo(1);
        }
        finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lead WHERE email_key = ?").param(email.toLowerCase())
                .query(Long.class).single()).isEqualTo(1);
    }

    private JsonNode created(String body) throws Exception {
        MvcResult result = send(post("/api/v1/leads"), token, body);
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        return body(result);
    }

    private static String unique(String local) {
        return local + "." + System.nanoTime() + "@example.com";
    }

    private MvcResult send(MockHttpServletRequestBuilder request, String bearer, String body) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andReturn();
    }

    private JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }
}
