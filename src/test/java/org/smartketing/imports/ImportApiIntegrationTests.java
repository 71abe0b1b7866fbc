package org.smartketing.imports;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
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

@IntegrationTest
class ImportApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    ImportApi api;
    String run;

    @BeforeEach
    void aMarketerWithAWriteToken() {
        Person marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        api = new ImportApi(mvc, json, fixtures.tokenFor(marketer, TokenScope.READ_WRITE));
        run = ImportCorpus.unique();
    }

    @Test
    void uploadDetectsAUtf8BomAndSemicolonsAndPreviewsTheRowsAsTheyWouldBeStored() throws Exception {
        byte[] file = ImportCorpus.bytes(ImportCorpus.leads(run, 3, ';'), StandardCharsets.UTF_8, true);

        MvcResult result = api.upload(file, Map.of());

        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        assertThat(result.getResponse().getHeader(HttpHeaders.LOCATION)).startsWith("/api/v1/imports/");
        JsonNode body = api.body(result);
        assertThat(body.get("encoding").asString()).isEqualTo("UTF-8");
        assertThat(body.get("delimiter").asString()).isEqualTo(";");
        assertThat(body.get("columns").get(0).asString()).isEqualTo("email"); // the mark is not part of the name
        assertThat(body.get("mapping").get("email").asString()).isEqualTo("email");
        assertThat(body.get("mapping").get("country").asString()).isEqualTo("country");
        JsonNode second = body.get("preview").get(1);
        assertThat(second.get("line").asLong()).isEqualTo(3);
        assertThat(second.get("stored").get("email").asString()).isEqualTo("p1." + run + "@example.com");
        assertThat(second.get("stored").get("country").asString()).isEqualTo("DE"); // "Germany" as stored
        assertThat(rows("SELECT COUNT(*) FROM lead WHERE email_key LIKE ?", "%." + run + "@example.com")).isZero();
    }

    @Test
    void readsWindows1252AccentsAndUtf16WithItsMark() throws Exception {
        String text = "E-mail,First Name,Last Name\r\nj." + run + "@example.com,José,Müller\r\n";

        JsonNode latin = api.body(api.upload(ImportCorpus.bytes(text, ImportCorpus.WINDOWS_1252, false), Map.of()));
        JsonNode utf16 = api.body(api.upload(ImportCorpus.bytes(text, StandardCharsets.UTF_16LE, true), Map.of()));
        JsonNode utf16be = api.body(api.upload(ImportCorpus.bytes(text, StandardCharsets.UTF_16BE, true), Map.of()));

        assertThat(latin.get("encoding").asString()).isEqualTo("windows-1252");
        for (JsonNode body : List.of(latin, utf16, utf16be)) {
            JsonNode stored = body.get("preview").get(0).get("stored");
            assertThat(stored.get("firstName").asString()).isEqualTo("José");
            assertThat(stored.get("lastName").asString()).isEqualTo("Müller");
            assertThat(stored.get("email").asString()).isEqualTo("j." + run + "@example.com");
        }
    }

    @Test
    void anEncodingAndDelimiterGivenOverrideWhatIsDetected() throws Exception {
        String text = "email|firstName\r\nk." + run + "@example.com|Zoë\r\n";
        JsonNode body = api.body(api.upload(ImportCorpus.bytes(text, StandardCharsets.ISO_8859_1, false),
                Map.of("encoding", "ISO-8859-1", "delimiter", "|")));

        assertThat(body.get("encoding").asString()).isEqualTo("ISO-8859-1");
        assertThat(body.get("delimiter").asString()).isEqualTo("|");
        assertThat(body.get("preview").get(0).get("stored").get("firstName").asString()).isEqualTo("Zoë");
    }

    @Test
    void quotedLineBreaksAndDoubledQuotesStayInTheirCell() throws Exception {
        String text = "email,description,firstName\r\nq." + run + "@example.com,\"Met at the fair,\r\nsaid \"\"call me\"\"\",Ann\r\n"
                + "r." + run + "@example.com,plain,Bob\r\n";
        JsonNode preview = api.body(api.upload(text.getBytes(StandardCharsets.UTF_8), Map.of())).get("preview");

        assertThat(preview.get(0).get("stored").get("description").asString())
                .isEqualTo("Met at the fair,\r\nsaid \"call me\"");
        assertThat(preview.get(1).get("line").asLong()).isEqualTo(4); // the quoted break took a line
        assertThat(preview.get(1).get("stored").get("firstName").asString()).isEqualTo("Bob");
    }

    @Test
    void aRowOfTenThousandColumnsIsRead() throws Exception {
        JsonNode body = api.body(api.upload(ImportCorpus.wide(run, 10_000).getBytes(StandardCharsets.UTF_8), Map.of()));

        assertThat(body.get("columns").size()).isEqualTo(10_000);
        assertThat(body.get("preview").get(0).get("stored").get("email").asString()).isEqualTo("wide." + run + "@example.com");
    }

    @Test
    void anEmptyFileIsRefusedNamingTheFileAndAHeaderOnlyImportsNothing() throws Exception {
        MvcResult empty = api.upload(new byte[0], Map.of());
        assertThat(empty.getResponse().getStatus()).isEqualTo(400);
        assertThat(empty.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(empty.getResponse().getContentAsString()).contains("file");

        JsonNode headerOnly = api.body(api.upload("email,firstName\r\n".getBytes(StandardCharsets.UTF_8), Map.of()));
        assertThat(headerOnly.get("preview")).isEmpty();
        JsonNode done = api.startAndAwait(headerOnly.get("id").asString(), null);
        assertThat(done.get("state").asString()).isEqualTo("DONE");
        assertThat(done.get("rows").asLong()).isZero();
        assertThat(done.get("created").asLong()).isZero();
    }

    @Test
    void aDryRunListsEveryBadLineWritesNothingAndOffersThemAsCsv() throws Exception {
        String text = "email,firstName,phone\r\n"
                + "a." + run + "@example.com,Ann,\r\n"
                + "not-an-email,Bob,\r\n"
                + "c." + run + "@example.com,Cy,extra,field\r\n"
                + ",Dee,\r\n"
                + "e." + run + "@example.com,Eve,+1 999 000\r\n";
        String id = api.body(api.upload(text.getBytes(StandardCharsets.UTF_8), Map.of())).get("id").asString();

        MvcResult dry = api.send(post("/api/v1/imports/" + id + "/dry-run"), null);

        assertThat(dry.getResponse().getStatus()).isEqualTo(200);
        JsonNode body = api.body(dry);
        assertThat(body.get("rows").asLong()).isEqualTo(5);
        assertThat(body.get("failed").asLong()).isEqualTo(3);
        JsonNode errors = body.get("errors");
        assertThat(errors.get(0).get("line").asLong()).isEqualTo(3);
        assertThat(errors.get(0).get("column").asString()).isEqualTo("email");
        assertThat(errors.get(0).get("value").asString()).isEqualTo("not-an-email");
        assertThat(errors.get(1).get("line").asLong()).isEqualTo(4);
        assertThat(errors.get(1).get("message").asString()).contains("4 fields where the header has 3");
        assertThat(errors.get(2).get("line").asLong()).isEqualTo(5);
        assertThat(rows("SELECT COUNT(*) FROM lead WHERE email_key LIKE ?", "%." + run + "@example.com")).isZero();

        MvcResult csv = api.send(get("/api/v1/imports/" + id + "/errors?phase=dry-run"), null);
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        String download = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(download).startsWith("\uFEFFline,column,value,message\r\n3,email,not-an-email,");
        assertThat(download.lines()).hasSize(4);
    }

    @Test
    void importsEveryRowInChunksAndMergesASecondRowOfTheSamePersonInTheFile() throws Exception {
        StringBuilder text = new StringBuilder(ImportCorpus.leads(run, 120, ','));
        text.append("P7.").append(run).append("@EXAMPLE.com,,,,\r\n"); // the same person in other case, nothing new
        text.append("p8.").append(run).append("@example.com,,,,\r\n");
        String id = api.body(api.upload(text.toString().getBytes(StandardCharsets.UTF_8), Map.of())).get("id").asString();

        JsonNode done = api.startAndAwait(id, null);

        assertThat(done.get("state").asString()).isEqualTo("DONE");
        assertThat(done.get("rows").asLong()).isEqualTo(122);
        assertThat(done.get("processed").asLong()).isEqualTo(122);
        assertThat(done.get("created").asLong()).isEqualTo(120);
        assertThat(done.get("skipped").asLong()).isEqualTo(2); // nothing to fill in
        assertThat(done.get("failed").asLong()).isZero();
        assertThat(rows("SELECT COUNT(*) FROM lead WHERE email_key LIKE ?", "%." + run + "@example.com")).isEqualTo(120);
        assertThat(rows("SELECT COUNT(*) FROM lead WHERE email_key = ? AND country = 'DE'", "p1." + run + "@example.com"))
                .isOne();
        assertThat(done.get("mqls").isNull()).as("the import scored its leads itself").isFalse();
    }

    @Test
    void aSecondRowOfTheSamePersonFillsInWhatTheFirstLacked() throws Exception {
        String text = "email,firstName,company\r\n"
                + "m." + run + "@example.com,Mia,\r\n"
                + "M." + run + "@Example.com,,Acme\r\n";
        String id = api.body(api.upload(text.getBytes(StandardCharsets.UTF_8), Map.of())).get("id").asString();

        JsonNode done = api.startAndAwait(id, null);

        assertThat(done.get("created").asLong()).isOne();
        assertThat(done.get("merged").asLong()).isOne();
        assertThat(jdbc.sql("SELECT company FROM lead WHERE email_key = ?").param("m." + run + "@example.com")
                .query(String.class).single()).isEqualTo("Acme");
    }

    @Test
    void policiesDecideWhatAKnownLeadGets() throws Exception {
        String known = "known." + run + "@example.com";
        fixtures.aLead("DE"); // another lead, untouched
        String existing = "{\"email\": \"" + known + "\", \"firstName\": \"Old\"}";
        assertThat(api.send(post("/api/v1/leads"), existing).getResponse().getStatus()).isEqualTo(201);
        String text = "email,firstName,company\r\n" + known + ",New,Acme\r\nfresh." + run + "@example.com,Fay,\r\n";

        JsonNode createOnly = api.startAndAwait(api.uploadId(text), "create-only");
        assertThat(createOnly.get("created").asLong()).isOne();
        assertThat(createOnly.get("skipped").asLong()).isOne();
        assertThat(name(known)).isEqualTo("Old|null");

        JsonNode fill = api.startAndAwait(api.uploadId(text), null);
        assertThat(fill.get("updated").asLong()).isOne();
        assertThat(fill.get("skipped").asLong()).isOne(); // fresh has nothing new now
        assertThat(name(known)).isEqualTo("Old|Acme");

        JsonNode overwrite = api.startAndAwait(api.uploadId(text), "create-and-overwrite");
        assertThat(overwrite.get("updated").asLong()).isOne();
        assertThat(name(known)).isEqualTo("New|Acme");

        JsonNode updateOnly = api.startAndAwait(api.uploadId("email,firstName\r\nnobody." + run + "@example.com,No\r\n" + known
                + ",Newer\r\n"), "update-only");
        assertThat(updateOnly.get("skipped").asLong()).isOne();
        assertThat(updateOnly.get("updated").asLong()).isOne();
        assertThat(name(known)).isEqualTo("Newer|Acme");
        assertThat(rows("SELECT COUNT(*) FROM lead WHERE email_key = ?", "nobody." + run + "@example.com")).isZero();
    }

    @Test
    void aPhoneThatIsNoRealNumberIsKeptAndTheRowImported() throws Exception {
        String text = "email,phone\r\nph." + run + "@example.com,+1 999 000\r\n";

        JsonNode done = api.startAndAwait(api.uploadId(text), null);

        assertThat(done.get("created").asLong()).isOne();
        assertThat(jdbc.sql("SELECT phone FROM lead WHERE email_key = ?").param("ph." + run + "@example.com")
                .query(String.class).single()).isEqualTo("+1 999 000");
    }

    @Test
    void aMappingSavedByNameIsUsedForTheNextFile() throws Exception {
        String text = "Mail address,Given\r\nsv." + run + "@example.com,Sam\r\n";
        String mapping = "{\"Mail address\": \"email\", \"Given\": \"firstName\"}";
        api.upload(text.getBytes(StandardCharsets.UTF_8), Map.of("mapping", mapping, "saveMappingAs", "Fair " + run));

        JsonNode again = api.body(api.upload(text.getBytes(StandardCharsets.UTF_8), Map.of("mapping", "fair " + run)));

        assertThat(again.get("mapping").get("Given").asString()).isEqualTo("firstName");
        assertThat(again.get("preview").get(0).get("stored").get("firstName").asString()).isEqualTo("Sam");
    }

    @Test
    void aSalesforceLeadExportLandsWhereAPersonWouldExpectAndItsIdMatchesTheNextTime() throws Exception {
        String sfId = "00Q" + run;
        String header = "Id,Salutation,FirstName,LastName,Title,Company,Street,City,State,PostalCode,Country,Phone,"
                + "MobilePhone,Email,Website,LeadSource,Status,Industry,AnnualRevenue,NumberOfEmployees,Description,"
                + "CreatedDate,OwnerId,Address\r\n";
        String row = sfId + ",Mr.,John,Doe,CTO,Acme Inc,1 Main St,Pittsburgh,PA,15213,United States,412-628-2963x597,"
                + "(650) 253-0000,sf." + run + "@example.com,www.acme.example,Web,Open - Not Contacted,Technology,1500000,"
                + "250,\"Met at the \"\"fair\"\"\",2024-01-05T10:00:00.000+0000,0055g00000XyZ,"
                + "\"{\"\"street\"\": \"\"1 Main St\"\", \"\"city\"\": \"\"Pittsburgh\"\"}\"\r\n";
        JsonNode uploaded = api.body(api.upload((header + row).getBytes(StandardCharsets.UTF_8), Map.of()));
        assertThat(uploaded.get("preset").asString()).isEqualTo("salesforce");

        JsonNode done = api.startAndAwait(uploaded.get("id").asString(), null);

        assertThat(done.get("created").asLong()).as(done.toString()).isOne();
        Map<String, Object> lead = jdbc.sql("SELECT * FROM lead WHERE email_key = ?").param("sf." + run + "@example.com")
                .query().singleRow();
        assertThat(lead).containsEntry("salutation", "Mr.").containsEntry("title", "CTO").containsEntry("street", "1 Main St")
                .containsEntry("city", "Pittsburgh").containsEntry("region", "PA").containsEntry("postal_code", "15213")
                .containsEntry("phone_e164", "+14126282963").containsEntry("phone_extension", "597")
                .containsEntry("mobile_e164", "+16502530000").containsEntry("website", "www.acme.example")
                .containsEntry("source", "Web").containsEntry("industry", "Technology").containsEntry("employees", 250)
                .containsEntry("description", "Met at the \"fair\"");
        assertThat(lead.get("country").toString().strip()).isEqualTo("US");
        assertThat(new java.math.BigDecimal(lead.get("annual_revenue").toString())).isEqualByComparingTo("1500000");
        assertThat(jdbc.sql("SELECT external_id FROM lead_external_id WHERE system = 'salesforce' AND lead_id = ?")
                .param(lead.get("id")).query(String.class).single()).isEqualTo(sfId);

        String renamed = header + row.replace("sf." + run + "@example.com", "").replace("Pittsburgh,PA", "Boston,MA");
        JsonNode again = api.startAndAwait(api.uploadId(renamed), "create-and-overwrite");

        assertThat(again.get("updated").asLong()).as(again.toString()).isOne();
        assertThat(again.get("created").asLong()).isZero();
        assertThat(jdbc.sql("SELECT city FROM lead WHERE id = ?").param(lead.get("id")).query(String.class).single())
                .isEqualTo("Boston");
    }

    @Test
    void aHubSpotContactsExportIsImportedWithItsNumbersAsSpreadsheetsWriteThem() throws Exception {
        String text = "Record ID,First Name,Last Name,Email,Phone Number,Company Name,Job Title,Country/Region,"
                + "Annual Revenue,Number of Employees,Create Date,Lifecycle Stage,Contact owner\r\n"
                + "51" + run.hashCode() + ",Hana,Kim,hs." + run + "@example.com,+49 30 1234567,Kim GmbH,Buyer,Germany,"
                + "\"$1,200,000.50\",\"1,000\",2023-11-02 08:15,lead,someone@example.com\r\n";
        JsonNode uploaded = api.body(api.upload(text.getBytes(StandardCharsets.UTF_8), Map.of()));
        assertThat(uploaded.get("preset").asString()).isEqualTo("hubspot");

        JsonNode done = api.startAndAwait(uploaded.get("id").asString(), null);

        assertThat(done.get("created").asLong()).as(done.toString()).isOne();
        Map<String, Object> lead = jdbc.sql("SELECT * FROM lead WHERE email_key = ?").param("hs." + run + "@example.com")
                .query().singleRow();
        assertThat(lead).containsEntry("company", "Kim GmbH").containsEntry("title", "Buyer")
                .containsEntry("employees", 1000).containsEntry("phone_e164", "+49301234567");
        assertThat(new java.math.BigDecimal(lead.get("annual_revenue").toString())).isEqualByComparingTo("1200000.50");
        assertThat(lead.get("external_ids").toString()).contains("hubspot");
    }

    @Test
    void badChoicesAreRefusedNamingTheField() throws Exception {
        byte[] file = ImportCorpus.leads(run, 1, ',').getBytes(StandardCharsets.UTF_8);
        assertThat(problemField(api.upload(file, Map.of("policy", "sometimes")))).isEqualTo("policy");
        assertThat(problemField(api.upload(file, Map.of("delimiter", "x")))).isEqualTo("delimiter");
        assertThat(problemField(api.upload(file, Map.of("encoding", "klingon")))).isEqualTo("encoding");
        assertThat(problemField(api.upload(file, Map.of("mapping", "{\"email\": \"shoeSize\"}")))).isEqualTo("mapping");
        assertThat(problemField(api.upload(file, Map.of("mapping", "{not json")))).isEqualTo("mapping");
        assertThat(api.send(get("/api/v1/imports/" + java.util.UUID.randomUUID()), null).getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void onlyAdminsAndMarketersImport() throws Exception {
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        api.use(fixtures.tokenFor(rep, TokenScope.READ_WRITE));

        assertThat(api.upload(ImportCorpus.leads(run, 1, ',').getBytes(StandardCharsets.UTF_8), Map.of())
                .getResponse().getStatus()).isEqualTo(403);
    }

    private String name(String email) {
        return jdbc.sql("SELECT first_name, company FROM lead WHERE email_key = ?").param(email)
                .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2)).single();
    }

    private String problemField(MvcResult result) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        return api.body(result).get("errors").get(0).get("field").asString();
    }




    private long rows(String sql, Object arg) {
        return jdbc.sql(sql).param(arg).query(Long.class).single();
    }



}
