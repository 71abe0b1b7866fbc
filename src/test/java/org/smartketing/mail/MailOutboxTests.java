package org.smartketing.mail;

import org.junit.jupiter.api.Test;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** Without SMTP, mail is held in the outbox where admins can read it: the demo works offline. */
@IntegrationTest
class MailOutboxTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Mailer mailer;

    @Test
    void holdsMailWhenNoSmtpIsConfiguredAndShowsItToAdmins() throws Exception {
        Person admin = fixtures.aPerson(AppRole.ADMIN);
        String to = "held." + System.nanoTime() + "@example.com";
        mailer.send(to, "Held for the outbox", "Hello from the outbox");

        String page = mvc.perform(get("/admin/outbox").with(user(Fixtures.signedIn(admin)))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains(to, "Held for the outbox", "Hello from the outbox", "HELD");
    }

    @Test
    void keepsTheOutboxFromEveryoneButAdmins() throws Exception {
        Person manager = fixtures.aPerson(AppRole.MANAGER);
        assertThat(mvc.perform(get("/admin/outbox").with(user(Fixtures.signedIn(manager)))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }
}
