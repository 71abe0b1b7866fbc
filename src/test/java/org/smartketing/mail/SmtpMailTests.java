package org.smartketing.mail;

import java.util.Arrays;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartketing.support.Fixtures;
import org.smartketing.support.SmtpIntegrationTest;
import org.smartketing.support.TestSmtp;
import org.smartketing.team.AppRole;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * With SMTP configured, mail leaves through a real SMTP server (GreenMail) by the outbox's job: sent
 * once, tried again while the server is away, failed for good after the last try.
 */
@SmtpIntegrationTest
class SmtpMailTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Mailer mailer;

    @Autowired
    MailDelivery delivery;

    @Test
    void sendsTheInvitationOverSmtpWithALinkToTheConfiguredAddress() throws Exception {
        Person admin = fixtures.aPerson(AppRole.ADMIN);
        String email = "smtp.invitee." + System.nanoTime() + "@example.com";

        mvc.perform(post("/people").with(user(Fixtures.signedIn(admin))).with(csrf()).param("email", email)
                .param("displayName", "Smtp Invitee").param("department", "SALES").param("appRole", "MEMBER")
                .param("timeZone", "UTC").param("workStart", "09:00").param("workEnd", "17:00").param("workDays", "MONDAY"));

        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(received.getFrom()[0].toString()).contains("team@smartketing.test");
        assertThat(received.getSubject()).isEqualTo("You are invited to Smartketing");
        assertThat(GreenMailUtil.getBody(received)).contains("https://smartketing.example.com/invitations/");
        await().untilAsserted(() -> assertThat(status(email)).isEqualTo("SENT"));
        assertThat(attempts(email)).isEqualTo(1);
    }

    @Test
    void keepsAMessageTheServerRefusedAsFailedWithTheReason() throws Exception {
        smtp.stop();
        try {
            Person admin = fixtures.aPerson(AppRole.ADMIN);
            String email = "unreachable." + System.nanoTime() + "@example.com";
            mvc.perform(post("/people").with(user(Fixtures.signedIn(admin))).with(csrf()).param("email", email)
                    .param("displayName", "Unreachable").param("department", "SALES").param("appRole", "MEMBER")
                    .param("timeZone", "UTC").param("workStart", "09:00").param("workEnd", "17:00").param("workDays", "MONDAY"));
            assertThat(fixtures.byEmail(email).displayName()).as("the invitation itself is kept").isEqualTo("Unreachable");
            assertThat(status(email)).as("waiting for its next try").isIn("QUEUED", "SENDING");
            await().untilAsserted(() -> assertThat(status(email)).isEqualTo("FAILED"));
            assertThat(attempts(email)).as("every try made").isEqualTo(4);
            assertThat(jdbc.sql("SELECT last_error FROM mail_message WHERE recipient = ?").param(email)
                    .query(String.class).single()).containsIgnoringCase("connect");
            String outbox = mvc.perform(get("/admin/outbox").with(user(Fixtures.signedIn(admin)))).andReturn()
                    .getResponse().getContentAsString();
            assertThat(outbox).contains(email, "failed", "Tried 4 times", "Connection refused");
        }
        finally {
            smtp.start();
        }
    }

    @Test
    void triesAgainWhileTheServerIsDownAndSendsTheMailOnceItIsBack() throws Exception {
        String email = "retried." + System.nanoTime() + "@example.com";
        smtp.stop();
        try {
            mailer.send(email, "Sent on a later try", "Hello again");
            await().untilAsserted(() -> assertThat(status(email) + " " + attempts(email)).isEqualTo("QUEUED 1"));
        }
        finally {
            smtp.start();
        }
        await().untilAsserted(() -> assertThat(status(email)).isEqualTo("SENT"));
        assertThat(attempts(email)).isBetween(2, 4);
        assertThat(received(email)).isEqualTo(1);
    }

    @Test
    void aJobRunTwiceOrLateSendsNothingMore() throws Exception {
        String email = "once." + System.nanoTime() + "@example.com";
        mailer.send(email, "Only once", "Hello");
        await().untilAsserted(() -> assertThat(status(email)).isEqualTo("SENT"));
        UUID id = jdbc.sql("SELECT id FROM mail_message WHERE recipient = ?").param(email).query(UUID.class).single();

        delivery.run(MailDelivery.jobId(id, 1));
        delivery.run(MailDelivery.jobId(id, 2));

        assertThat(received(email)).isEqualTo(1);
        assertThat(status(email) + " " + attempts(email)).isEqualTo("SENT 1");
    }

    private String status(String email) {
        return jdbc.sql("SELECT status FROM mail_message WHERE recipient = ?").param(email).query(String.class).single();
    }

    private int attempts(String email) {
        return jdbc.sql("SELECT attempts FROM mail_message WHERE recipient = ?").param(email).query(Integer.class)
                .single();
    }

    private long received(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            }
            catch (Exception ex) {
                return false;
            }
        }).count();
    }
}
