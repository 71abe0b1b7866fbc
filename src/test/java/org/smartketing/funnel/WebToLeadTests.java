package org.smartketing.funnel;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.funnel.intake.WebForms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.smartketing.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A website form built for Salesforce's Web-to-Lead posts here after changing its action and oid. */
@IntegrationTest
class WebToLeadTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    WebForms forms;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.smartketing.support.Fixtures fixtures;

    WebForms.WebForm form;

    @BeforeEach
    void aRegisteredForm() {
        form = forms.create("Contact us", List.of("www.example.com", "Example.org"), "website", null, Instant.now());
    }

    @Test
    void takesSalesforceFieldNamesAndSendsThePersonBackToTheRegisteredPage() throws Exception {
        String email = "w2l." + System.nanoTime() + "@example.com";
        MvcResult result = submit("127.0.0.10", "oid", form.key(), "first_name", "Wendy", "last_name", "Web",
                "email", email, "company", "Web Co", "title", "CEO", "phone", "+44 20 7946 0958",
                "description", "Please call me", "retURL", "https://www.example.com/thanks");

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("https://www.example.com/thanks");
        assertThat(jdbc.sql("SELECT company || '/' || source || '/' || phone_e164 FROM lead WHERE email_key = ?")
                .param(email).query(String.class).single()).isEqualTo("Web Co/website/+442079460958");
    }

    @Test
    void showsAThankYouPageWithoutRetUrl() throws Exception {
        MvcResult result = submit("127.0.0.11", "oid", form.key(), "email", "thanks." + System.nanoTime() + "@example.com");
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("Thank you");
    }

    @Test
    void refusesToSendPeopleToAnUnregisteredHost() throws Exception {
        String email = "evil." + System.nanoTime() + "@example.com";
        MvcResult result = submit("127.0.0.12", "oid", form.key(), "email", email, "retURL", "https://evil.example.net/phish");
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("retURL");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lead WHERE email_key = ?").param(email).query(Long.class).single()).isZero();
    }

    @Test
    void refusesAnUnknownFormKey() throws Exception {
        MvcResult result = submit("127.0.0.13", "oid", "00D000000000001", "email", "x@example.com");
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("oid");
    }

    @Test
    void namesTheFormFieldThatIsWrong() throws Exception {
        MvcResult result = submit("127.0.0.14", "oid", form.key(), "email", "not-an-email", "first_name", "<b>x</b>");
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("email: must be an email address", "first_name:");
    }

    @Test
    void quietlyDropsWhatABotPutInTheHoneypot() throws Exception {
        String email = "bot." + System.nanoTime() + "@example.com";
        MvcResult result = submit("127.0.0.15", "oid", form.key(), "email", email, "smk_hp", "http://spam.example");
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM lead WHERE email_key = ?").param(email).query(Long.class).single()).isZero();
    }

    @Test
    void limitsHowOftenOneAddressMayPost() throws Exception {
        int status = 0;
        for (int i = 0; i < 25 && status != 429; i++) {
            status = submit("127.0.0.99", "oid", form.key(), "email", "flood" + i + "." + System.nanoTime() + "@example.com")
                    .getResponse().getStatus();
        }
        assertThat(status).isEqualTo(429);
        assertThat(submit("127.0.0.98", "oid", form.key(), "email", "other." + System.nanoTime() + "@example.com")
                .getResponse().getStatus()).as("another address is not affected").isEqualTo(200);
    }

    @Test
    void adminsRegisterAFormAndItsKeyWorks() throws Exception {
        org.smartketing.team.people.Person admin = fixtures.aPerson(org.smartketing.team.AppRole.ADMIN);
        MvcResult created = mvc.perform(post("/admin/web-forms")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                        org.smartketing.support.Fixtures.signedIn(admin)))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("name", "Pricing page").param("allowedHosts", "shop.example.com, example.com").param("source", "pricing"))
                .andReturn();
        String flash = created.getFlashMap().get("flash").toString();
        String key = flash.substring(flash.lastIndexOf(' ') + 1);
        MvcResult posted = submit("127.0.0.20", "oid", key, "email", "pricing." + System.nanoTime() + "@example.com",
                "retURL", "https://shop.example.com/ok");
        assertThat(posted.getResponse().getRedirectedUrl()).isEqualTo("https://shop.example.com/ok");

        MvcResult badHosts = mvc.perform(post("/admin/web-forms")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                        org.smartketing.support.Fixtures.signedIn(admin)))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .param("name", "Bad").param("allowedHosts", "https://example.com/path")).andReturn();
        assertThat(badHosts.getResponse().getContentAsString()).contains("allowedHosts-error");
    }

    private MvcResult submit(String address, String... pairs) throws Exception {
        var request = post("/w2l").contentType(MediaType.APPLICATION_FORM_URLENCODED).with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
        for (int i = 0; i < pairs.length; i += 2) {
            request.param(pairs[i], pairs[i + 1]);
        }
        return mvc.perform(request).andReturn();
    }
}
