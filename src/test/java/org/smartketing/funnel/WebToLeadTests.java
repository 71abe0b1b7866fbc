package org.smartketing.funnel;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.funnel.intake.WebForms;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockPart;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.smartketing.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
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
    org.smartketing.funnel.campaigns.Campaigns campaigns;

    @Autowired
    org.smartketing.funnel.intake.CustomFields customFields;

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

    @Test
    void readsAFormOnAWindows1252PageThatDoesNotSayItsCharset() throws Exception {
        String email = "rene." + System.nanoTime() + "@example.com";
        String body = "oid=" + form.key() + "&first_name=Ren%E9&last_name=M%FCller&company=Caf%E9+%80uro&email="
                + email.replace("@", "%40");
        MvcResult result = raw("127.0.0.30", MediaType.APPLICATION_FORM_URLENCODED_VALUE, body.getBytes(StandardCharsets.US_ASCII));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT first_name || ' ' || last_name || ' / ' || company FROM lead WHERE email_key = ?")
                .param(email).query(String.class).single()).isEqualTo("René Müller / Café €uro");
    }

    @Test
    void honoursTheFormsEncodingFieldAndTheRequestsCharset() throws Exception {
        String latin = "latin." + System.nanoTime() + "@example.com";
        raw("127.0.0.31", MediaType.APPLICATION_FORM_URLENCODED_VALUE, ("encoding=ISO-8859-1&oid=" + form.key()
                + "&last_name=G%F6del&email=" + latin.replace("@", "%40")).getBytes(StandardCharsets.US_ASCII));
        assertThat(lastName(latin)).isEqualTo("Gödel");

        String utf8 = "utf8." + System.nanoTime() + "@example.com";
        raw("127.0.0.32", "application/x-www-form-urlencoded; charset=UTF-8", ("oid=" + form.key()
                + "&last_name=G%C3%B6del&email=" + utf8.replace("@", "%40")).getBytes(StandardCharsets.US_ASCII));
        assertThat(lastName(utf8)).isEqualTo("Gödel");
    }

    @Test
    void takesMultipartFormsToo() throws Exception {
        String email = "multi." + System.nanoTime() + "@example.com";
        MvcResult result = mvc.perform(multipart("/w2l").part(new MockPart("oid", form.key().getBytes(StandardCharsets.UTF_8)))
                .part(new MockPart("email", email.getBytes(StandardCharsets.UTF_8)))
                .part(new MockPart("last_name", "Ørsted".getBytes(StandardCharsets.UTF_8)))
                .with(r -> {
                    r.setRemoteAddr("127.0.0.33");
                    return r;
                })).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(lastName(email)).isEqualTo("Ørsted");
    }

    @Test
    void aBlankLeadSourceTakesTheFormsDefaultAndCampaignIdIsHonoured() throws Exception {
        java.util.UUID campaign = java.util.UUID.randomUUID();
        campaigns.insert(new org.smartketing.funnel.campaigns.Campaigns.Campaign(campaign, "Fair " + campaign, "event", null,
                null, null, null, null, Instant.now()));
        String email = "blank." + System.nanoTime() + "@example.com";
        submit("127.0.0.34", "oid", form.key(), "email", email, "lead_source", "", "Campaign_ID", campaign.toString());
        assertThat(jdbc.sql("SELECT source || '/' || campaign_id FROM lead WHERE email_key = ?").param(email)
                .query(String.class).single()).isEqualTo("website/" + campaign);
    }

    @Test
    void keepsEverySalesforceFieldAndWhatItCannotMapOnTheTouch() throws Exception {
        String key = "fleet" + (System.nanoTime() % 100_000);
        customFields.define(key, "Fleet", org.smartketing.funnel.intake.CustomFields.Kind.NUMBER, List.of(), Instant.now());
        WebForms.WebForm mapped = forms.change(new WebForms.WebForm(form.id(), form.key(), form.name(),
                form.allowedHosts(), form.source(), null, java.util.Map.of("00N5g00000FLEET", key), true, form.createdAt()),
                Instant.now());
        String email = "full." + System.nanoTime() + "@example.com";
        MvcResult result = submit("127.0.0.35", "oid", mapped.key(), "email", email, "salutation", "Ms.", "URL",
                "https://full.example.com", "industry", "Retail", "street", "1 Main St", "city", "Springfield",
                "state", "IL", "zip", "62701", "country", "United States", "mobile", "+1 217 555 0100",
                "phone", "412-628-2963x597", "employees", "120", "revenue", "$2,500,000", "00N5g00000FLEET", "35",
                "00N5g00000OTHER", "blue", "fax", "+1 217 555 0199", "country_code", "");
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("""
                SELECT salutation || '|' || website || '|' || industry || '|' || street || '|' || city || '|' || region
                    || '|' || postal_code || '|' || country || '|' || employees || '|' || annual_revenue || '|' || phone_e164
                    || '|' || phone_extension || '|' || custom_values FROM lead WHERE email_key = ?""").param(email)
                .query(String.class).single())
                .isEqualTo("Ms.|https://full.example.com|Retail|1 Main St|Springfield|IL|62701|US|120|2500000.00|+14126282963|597|{\"" + key + "\":\"35\"}");
        assertThat(touchDetails(email)).contains("00N5g00000OTHER: blue", "fax: +1 217 555 0199");
    }

    @Test
    void aFieldTheLeadCanDoWithoutNeverCostsTheLead() throws Exception {
        String email = "keep." + System.nanoTime() + "@example.com";
        MvcResult result = submit("127.0.0.36", "oid", form.key(), "email", email, "country", "Atlantis", "phone",
                "call me maybe", "company", "c".repeat(200));
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT phone FROM lead WHERE email_key = ?").param(email).query(String.class).single())
                .as("a phone that is no real number is kept as given").isEqualTo("call me maybe");
        assertThat(touchDetails(email)).contains("country (", "Atlantis", "company (");
    }

    @Test
    void theErrorPageLinksBackToTheFormsPage() throws Exception {
        MvcResult result = mvc.perform(post("/w2l").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("Referer", "https://www.example.com/contact").param("oid", form.key()).param("email", "nope")
                .with(r -> {
                    r.setRemoteAddr("127.0.0.37");
                    return r;
                })).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("href=\"https://www.example.com/contact\"", "Back to the form");
    }

    private String lastName(String email) {
        return jdbc.sql("SELECT last_name FROM lead WHERE email_key = ?").param(email).query(String.class).single();
    }

    private String touchDetails(String email) {
        return jdbc.sql("SELECT t.details FROM lead_touch t JOIN lead l ON l.id = t.lead_id WHERE l.email_key = ?")
                .param(email).query(String.class).single();
    }

    private MvcResult raw(String address, String contentType, byte[] body) throws Exception {
        return mvc.perform(post("/w2l").contentType(contentType).content(body).with(r -> {
            r.setRemoteAddr(address);
            return r;
        })).andReturn();
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
