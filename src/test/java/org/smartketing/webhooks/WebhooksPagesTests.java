package org.smartketing.webhooks;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.LocalReceiver;
import org.smartketing.team.AppRole;
import org.smartketing.team.people.Person;
import org.smartketing.webhooks.endpoints.EndpointEditing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The admins' webhooks pages: add with event checkboxes, the secret once, bad input named, remove after confirming. */
@IntegrationTest
class WebhooksPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    EndpointEditing editing;

    Person admin;

    @BeforeEach
    void anAdmin() {
        admin = fixtures.aPerson(AppRole.ADMIN);
    }

    @Test
    void anAdminAddsAnEndpointSeesItsSecretOnceAndRemovesItAfterConfirming() throws Exception {
        String url = LocalReceiver.get().url("/hooks/" + UUID.randomUUID());
        String list = page("/admin/webhooks");
        assertThat(list).contains("Add an endpoint").contains("value=\"lead.created\"").contains("A lead was created")
                .contains("value=\"action_item.completed\"");

        MvcResult added = mvc.perform(post("/admin/webhooks").param("url", url).param("events", "lead.created")
                .param("events", "sla.breached").param("description", "CRM sync")
                .with(user(Fixtures.signedIn(admin))).with(csrf())).andReturn();

        assertThat(added.getResponse().getStatus()).isEqualTo(302);
        String location = added.getResponse().getRedirectedUrl();
        String secret = (String) added.getFlashMap().get("newSecret");
        assertThat(secret).startsWith("whsec_");
        // the secret travels in the flash of the redirect only (the browser test sees it shown once)
        assertThat(page(location)).as("not on the page itself").doesNotContain(secret)
                .contains("A lead was created, A handoff clock ran out").contains("Nothing was sent to this endpoint yet");
        assertThat(page("/admin/webhooks")).contains(url).contains("CRM sync");

        String confirm = page(location + "/delete");
        assertThat(confirm).contains("cannot be undone").contains(url);
        MvcResult removed = mvc.perform(post(location + "/delete").with(user(Fixtures.signedIn(admin))).with(csrf()))
                .andReturn();
        assertThat(removed.getResponse().getRedirectedUrl()).isEqualTo("/admin/webhooks");
        assertThat(page("/admin/webhooks")).doesNotContain(url);
    }

    @Test
    void badInputIsShownOnTheFormNamingTheField() throws Exception {
        MvcResult privateAddress = mvc.perform(post("/admin/webhooks").param("url", "https://192.168.1.20/hook")
                .param("events", "lead.created").with(user(Fixtures.signedIn(admin))).with(csrf())).andReturn();
        MvcResult noEvents = mvc.perform(post("/admin/webhooks").param("url", "https://93.184.216.34/hook")
                .with(user(Fixtures.signedIn(admin))).with(csrf())).andReturn();

        assertThat(privateAddress.getResponse().getStatus()).isEqualTo(400);
        assertThat(privateAddress.getResponse().getContentAsString()).contains("id=\"url-error\"")
                .contains("this address cannot be used").doesNotContain("192.168.1.20/hook\" is");
        assertThat(noEvents.getResponse().getStatus()).isEqualTo(400);
        assertThat(noEvents.getResponse().getContentAsString()).contains("id=\"events-error\"")
                .contains("must name at least one event type");
    }

    @Test
    void anAdminTurnsAnEndpointOffAndMakesANewSecret() throws Exception {
        var issued = editing.create(LocalReceiver.get().url("/hooks/" + UUID.randomUUID()), java.util.List.of("lead.created"),
                null);
        String location = "/admin/webhooks/" + issued.endpoint().id();

        mvc.perform(post(location + "/enabled").param("enabled", "false").with(user(Fixtures.signedIn(admin))).with(csrf()));
        MvcResult rotated = mvc.perform(post(location + "/rotate-secret").with(user(Fixtures.signedIn(admin))).with(csrf()))
                .andReturn();

        assertThat(page(location)).contains("This endpoint is turned off").contains("Turn on");
        String next = (String) rotated.getFlashMap().get("newSecret");
        assertThat(next).startsWith("whsec_").isNotEqualTo(issued.secret());
        assertThat(editing.find(issued.endpoint().id()).signingSecrets(java.time.Instant.now()))
                .containsExactly(next, issued.secret());
        editing.delete(issued.endpoint().id());
    }

    @Test
    void membersAreKeptOut() throws Exception {
        Person member = fixtures.aPerson(AppRole.MEMBER);

        assertThat(mvc.perform(get("/admin/webhooks").with(user(Fixtures.signedIn(member)))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    private String page(String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(user(Fixtures.signedIn(admin)))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }
}
