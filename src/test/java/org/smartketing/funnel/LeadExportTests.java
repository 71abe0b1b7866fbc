package org.smartketing.funnel;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.funnel.api.LeadExport;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.shared.CsvWriter;
import org.smartketing.support.CsvRows;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The lead list as CSV: the rows of every page of the JSON list under the same filter, under the
 * lead's JSON field names (which the import maps back), written while they are read.
 */
@IntegrationTest
class LeadExportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LeadExport export;

    String token;
    String source;

    @BeforeEach
    void token() {
        token = fixtures.tokenFor(fixtures.aPerson(AppRole.ADMIN), TokenScope.READ_WRITE);
        source = "export-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theCsvHoldsEveryPageOfTheJsonListUnderTheSameFilter() throws Exception {
        for (int i = 0; i < 7; i++) {
            aLead(Map.of("email", "e" + i + "." + source + "@example.com", "firstName", "Ann" + i, "lastName", "Lee",
                    "company", "Acme, Inc.", "country", "DE", "source", source, "tags", List.of("fair", "vip"),
                    "consent", Map.of("given", true, "method", "form")));
        }
        aLead(Map.of("email", "other." + source + "@example.com", "source", source + "-other"));

        JsonNode pages = allJsonPages("source=" + source);
        List<Map<String, String>> csv = CsvRows.records(csv("/api/v1/leads?source=" + source + "&format=csv"));

        assertThat(pages).hasSize(7);
        assertThat(csv).hasSize(7);
        for (int i = 0; i < csv.size(); i++) {
            JsonNode lead = pages.get(i);
            Map<String, String> line = csv.get(i);
            for (String field : List.of("id", "email", "phone", "mobile", "salutation", "firstName", "lastName",
                    "company", "title", "website", "industry", "street", "city", "postalCode", "region", "country",
                    "employees", "description", "source", "campaignId", "originalCreatedAt", "stage", "score",
                    "createdAt")) {
                assertThat(line.get(field)).as(field).isEqualTo(text(lead.path(field)));
            }
            assertThat(line.get("tags")).isEqualTo("fair,vip");
            assertThat(line.get("consentGiven")).isEqualTo(lead.at("/consent/given").asString());
            assertThat(line.get("consentMethod")).isEqualTo(text(lead.at("/consent/method")));
            assertThat(line.get("consentAt")).isEqualTo(text(lead.at("/consent/at")));
        }
    }

    @Test
    void theHeaderIsTheLeadsJsonFieldNamesInTheImportsOrderWithAColumnPerSystemAndCustomField() throws Exception {
        String key = "fleet" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(mvc.perform(post("/api/v1/custom-fields").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"key\": \"" + key + "\", \"label\": \"Fleet\", \"kind\": \"TEXT\"}"))
                .andReturn().getResponse().getStatus()).isEqualTo(201);
        String system = "crm" + UUID.randomUUID().toString().substring(0, 6);
        aLead(Map.ofEntries(Map.entry("email", "h." + source + "@example.com"), Map.entry("source", source),
                Map.entry("phone", "412-628-2963x597"), Map.entry("mobile", "+1 650 253 0000"),
                Map.entry("salutation", "Dr."), Map.entry("website", "https://acme.example"), Map.entry("city", "Berlin"),
                Map.entry("postalCode", "10115"), Map.entry("annualRevenue", 1250000), Map.entry("employees", 40),
                Map.entry("externalIds", Map.of(system, "00Q123")), Map.entry("custom", Map.of(key, "twelve vans"))));

        List<List<String>> lines = CsvRows.parse(csv("/api/v1/leads?source=" + source + "&format=csv").substring(1));
        List<String> header = lines.get(0);

        assertThat(header.subList(0, 26)).containsExactly("id", "email", "phone", "mobile", "salutation", "firstName",
                "lastName", "company", "title", "website", "industry", "street", "city", "postalCode", "region", "country",
                "annualRevenue", "employees", "description", "source", "campaignId", "consentGiven", "consentAt",
                "consentMethod", "tags", "originalCreatedAt");
        assertThat(header.subList(header.size() - 4, header.size())).containsExactly("stage", "owner", "score", "createdAt");
        assertThat(header).contains("externalIds." + system, "custom." + key);
        // a phone starting with + is defused like a formula: the import takes the apostrophe away again
        Map<String, String> line = CsvRows.records(csv("/api/v1/leads?source=" + source + "&format=csv")).get(0);
        assertThat(line).containsEntry("phone", "412-628-2963x597").containsEntry("mobile", "'+1 650 253 0000")
                .containsEntry("salutation", "Dr.").containsEntry("city", "Berlin").containsEntry("postalCode", "10115")
                .containsEntry("employees", "40").containsEntry("externalIds." + system, "00Q123")
                .containsEntry("custom." + key, "twelve vans");
        assertThat(new java.math.BigDecimal(line.get("annualRevenue"))).isEqualByComparingTo("1250000");
    }

    @Test
    void acceptTextCsvAsksForTheSameFileAsFormatCsvAndJsonStaysTheDefault() throws Exception {
        aLead(Map.of("email", "a." + source + "@example.com", "source", source));

        String byParameter = csv("/api/v1/leads?source=" + source + "&format=csv");
        MvcResult byHeader = mvc.perform(get("/api/v1/leads").param("source", source)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).accept("text/csv")).andReturn();
        MvcResult plain = mvc.perform(get("/api/v1/leads").param("source", source)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
        MvcResult unknown = mvc.perform(get("/api/v1/leads").param("source", source).param("format", "xlsx")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();

        assertThat(byHeader.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo(byParameter);
        assertThat(byHeader.getResponse().getContentType()).startsWith("text/csv");
        assertThat(byHeader.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains("attachment", "leads.csv");
        assertThat(plain.getResponse().getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
        assertThat(unknown.getResponse().getStatus()).isEqualTo(406);
    }

    @Test
    void aBadFilterIsAProblemNamingItEvenWhenCsvIsAskedFor() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/leads").param("stage", "NOT_A_STAGE").param("format", "csv")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(result.getResponse().getContentAsString()).contains("stage");
    }

    @Test
    void startsWithTheByteOrderMarkAndDefusesFormulaCells() throws Exception {
        aLead(Map.of("email", "f." + source + "@example.com", "source", source, "company", "=HYPERLINK(\"http://x\")",
                "lastName", "+1", "firstName", "@SUM(A1)", "description", "line one\nline \"two\", three"));

        byte[] bytes = mvc.perform(get("/api/v1/leads").param("source", source).param("format", "csv")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn().getResponse().getContentAsByteArray();
        Map<String, String> line = CsvRows.records(new String(bytes, StandardCharsets.UTF_8)).get(0);

        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(line.get("company")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(line.get("lastName")).isEqualTo("'+1");
        assertThat(line.get("firstName")).isEqualTo("'@SUM(A1)");
        assertThat(line.get("description")).isEqualTo("line one\nline \"two\", three");
    }

    @Test
    void namesTheOwnerByEmail() throws Exception {
        Person owner = fixtures.aPerson(AppRole.MEMBER);
        String id = aLead(Map.of("email", "o." + source + "@example.com", "source", source));
        jdbc.update("UPDATE lead SET owner_id = ? WHERE id = ?", owner.id().value(), UUID.fromString(id));

        Map<String, String> line = CsvRows.records(csv("/api/v1/leads?source=" + source + "&format=csv")).get(0);

        assertThat(line.get("owner")).isEqualTo(owner.email());
    }

    @Test
    void thePageLinksToItsListAsCsvWithTheFilterAndAnswersIt() throws Exception {
        Person me = fixtures.aPerson(AppRole.MEMBER);
        aLead(Map.of("email", "p." + source + "@example.com", "source", source));
        aLead(Map.of("email", "q." + source + "@example.com", "source", source + "-other"));

        String page = mvc.perform(get("/leads?source=" + source).with(user(Fixtures.signedIn(me))))
                .andReturn().getResponse().getContentAsString();
        MvcResult file = mvc.perform(get("/leads").param("source", source).param("format", "csv")
                .with(user(Fixtures.signedIn(me)))).andReturn();

        assertThat(page).contains("Export CSV", "source=" + source + "&amp;format=csv");
        assertThat(file.getResponse().getContentType()).startsWith("text/csv");
        assertThat(CsvRows.records(file.getResponse().getContentAsString(StandardCharsets.UTF_8)))
                .extracting(r -> r.get("email")).containsExactly("p." + source + "@example.com");
    }

    /**
     * 20,000 leads go out while they are read: when the first bytes reach the stream the oldest
     * lead is removed, and the file comes out without it; so no row past the first pages was read
     * before writing began. The stream gets the file in small pieces, never whole.
     */
    @Test
    void writesTwentyThousandLeadsWhileReadingThem() {
        int n = 20_000;
        List<Object[]> rows = new ArrayList<>();
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            String email = "bulk" + i + "." + source + "@example.com";
            rows.add(new Object[] { UUID.randomUUID(), email, email, "Bulk", "Lead " + i, "Company " + i, source, "NEW",
                    i % 100, Timestamp.from(start.plusSeconds(i)), Timestamp.from(start.plusSeconds(i)) });
        }
        jdbc.batchUpdate("""
                INSERT INTO lead (id, email, email_key, first_name, last_name, company, source, stage, score,
                    consent_given, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, 0)""", rows);
        UUID oldest = (UUID) rows.get(0)[0];
        CountingStream out = new CountingStream(() -> jdbc.update("DELETE FROM lead WHERE id = ?", oldest));

        long written = CsvWriter.write(out, export.columns(),
                export.rows(new Leads.Filter(null, null, source, null, null), false));

        List<Map<String, String>> csv = CsvRows.records(out.text());
        assertThat(written).isEqualTo(n - 1);
        assertThat(csv).hasSize(n - 1).extracting(r -> r.get("id")).doesNotContain(oldest.toString());
        assertThat(csv.get(0).get("lastName")).isEqualTo("Lead " + (n - 1));
        assertThat(out.largestWrite).isLessThanOrEqualTo(64 * 1024);
        assertThat(out.writes).isGreaterThan(100);
    }

    /** Keeps what it is given, runs {@code onFirstWrite} when the first bytes come, and counts the writes. */
    static class CountingStream extends OutputStream {

        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final Runnable onFirstWrite;
        int writes;
        int largestWrite;

        CountingStream(Runnable onFirstWrite) {
            this.onFirstWrite = onFirstWrite;
        }

        @Override
        public void write(int b) {
            write(new byte[] { (byte) b }, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (writes++ == 0) {
                onFirstWrite.run();
            }
            largestWrite = Math.max(largestWrite, len);
            bytes.write(b, off, len);
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private String aLead(Map<String, Object> lead) throws Exception {
        MvcResult result = mvc.perform(post("/api/v1/leads").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(lead))).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(201);
        return json.readTree(result.getResponse().getContentAsString()).get("id").asString();
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? "" : node.asString();
    }

    private String csv(String url) throws Exception {
        MvcResult result = mvc.perform(get(url).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** Every page of the JSON list, two leads a page, in order. */
    private JsonNode allJsonPages(String query) throws Exception {
        var all = json.createArrayNode();
        String cursor = null;
        do {
            String url = "/api/v1/leads?" + query + "&size=2" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = json.readTree(mvc.perform(get(url).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                    .andReturn().getResponse().getContentAsString());
            page.get("items").forEach(all::add);
            cursor = page.path("nextCursor").isString() ? page.get("nextCursor").asString() : null;
        }
        while (cursor != null);
        return all;
    }
}
