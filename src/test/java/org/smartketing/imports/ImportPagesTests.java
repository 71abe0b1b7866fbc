package org.smartketing.imports;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

@IntegrationTest
class ImportPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Person marketer;
    String run;

    @BeforeEach
    void aMarketer() {
        marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        run = ImportCorpus.unique();
    }

    @Test
    void aMarketerUploadsFixesTheMappingChecksImportsAndUndoesOnThePages() throws Exception {
        String text = "Mail,Vorname,Firma\r\nu1." + run + "@example.com,Uta,Acme\r\nnot-an-email,Bo,\r\n";
        MvcResult uploaded = page(multipart("/imports").file(new MockMultipartFile("file", "fair.csv", "text/csv",
                text.getBytes(StandardCharsets.UTF_8))).param("policy", "CREATE_AND_FILL_BLANKS"));
        assertThat(uploaded.getResponse().getStatus()).isEqualTo(302);
        String at = uploaded.getResponse().getRedirectedUrl();

        String form = page(get(at)).getResponse().getContentAsString();
        assertThat(form).contains("Which column is which").contains("<label for=\"target-1\">Vorname</label>")
                .contains("u1." + run + "@example.com"); // Mail is proposed as email: the preview shows it

        assertThat(page(post(at + "/mapping").param("target", "email", "firstName", "company")).getResponse()
                .getStatus()).isEqualTo(302);
        assertThat(page(get(at)).getResponse().getContentAsString()).contains("<dd>Uta</dd>");

        page(post(at + "/dry-run").param("target", "email", "firstName", "company"));
        String checked = page(get(at)).getResponse().getContentAsString();
        assertThat(checked).contains("Lines the check found wrong").contains("not-an-email");
        assertThat(page(get(at + "/errors").param("phase", "dry-run")).getResponse().getContentAsString())
                .contains("3,Mail,not-an-email,");

        assertThat(importToTheEnd(at, "email", "firstName", "company")).isEqualTo(at);
        String done = page(get(at)).getResponse().getContentAsString();
        assertThat(done).contains("data-count=\"created\">1<").contains("Undo this import")
                .contains("Lines that could not be imported");
        assertThat(leads()).isOne();

        MvcResult unconfirmed = page(post(at + "/undo"));
        assertThat(unconfirmed.getResponse().getStatus()).isEqualTo(400);
        assertThat(leads()).isOne();
        page(post(at + "/undo").param("confirm", "yes"));
        assertThat(leads()).isZero();
    }

    @Test
    void aMarketerImportsActivitiesOnThePagesAndUndoesThem() throws Exception {
        fixtures.aLead("DE"); // the installation has leads; ours is made by a lead import below
        String leadFile = "email,lastName\r\nv1." + run + "@example.com,Vera\r\n";
        String leadImport = page(multipart("/imports").file(new MockMultipartFile("file", "leads.csv", "text/csv",
                leadFile.getBytes(StandardCharsets.UTF_8)))).getResponse().getRedirectedUrl();
        importToTheEnd(leadImport, "email", "lastName");
        String text = "Email,Type,Date,Notes\r\nv1." + run + "@example.com,Call,2024-03-05 10:00,Booked a demo\r\n";
        String at = page(multipart("/imports").file(new MockMultipartFile("file", "calls.csv", "text/csv",
                text.getBytes(StandardCharsets.UTF_8))).param("kind", "activities")).getResponse().getRedirectedUrl();

        String form = page(get(at)).getResponse().getContentAsString();
        assertThat(form).contains("Lead&#39;s email").contains("Owner&#39;s email").doesNotContain("name=\"policy\"")
                .doesNotContain("name=\"route\"").contains("<dd>Call</dd>").contains("<dd>Booked a demo</dd>");

        importToTheEnd(at, "lead.email", "type", "occurredAt", "notes");
        String done = page(get(at)).getResponse().getContentAsString();
        assertThat(done).contains("Activities logged").contains("data-count=\"created\">1<")
                .contains("Undo removes the 1 activities this import logged");
        assertThat(activities()).isOne();

        MvcResult undone = page(post(at + "/undo").param("confirm", "yes"));
        assertThat(undone.getFlashMap().get("flash")).isEqualTo("Undone: 1 imported activities removed.");
        assertThat(activities()).isZero();
    }

    @Test
    void theLeadListAndTheNavigationLinkToImportsForMarketersOnly() throws Exception {
        assertThat(page(get("/leads")).getResponse().getContentAsString()).contains("href=\"/imports\"");

        marketer = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        assertThat(page(get("/leads")).getResponse().getContentAsString()).doesNotContain("href=\"/imports\"");
        assertThat(page(get("/imports")).getResponse().getStatus()).isEqualTo(403);
    }

    /** Starts the import with the columns mapped to these targets, waits for it to be done; where the start led. */
    private String importToTheEnd(String at, String... targets) throws Exception {
        String next = page(post(at + "/start").param("target", targets)).getResponse().getRedirectedUrl();
        await().atMost(Duration.ofSeconds(30)).until(() -> page(get(at + "/status")).getResponse()
                .getContentAsString().contains("\"state\":\"DONE\""));
        return next;
    }

    private long activities() {
        return jdbc.sql("SELECT COUNT(*) FROM activity a JOIN lead l ON l.id = a.lead_id WHERE l.email_key = ?")
                .param("v1." + run + "@example.com").query(Long.class).single();
    }

    private long leads() {
        return jdbc.sql("SELECT COUNT(*) FROM lead WHERE email_key LIKE ?").param("%." + run + "@example.com")
                .query(Long.class).single();
    }

    private MvcResult page(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
        return mvc.perform(request.with(user(Fixtures.signedIn(marketer))).with(csrf())).andReturn();
    }
}
