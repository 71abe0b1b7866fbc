package org.smartketing.mail;

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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** With SMTP configured, mail leaves through a real SMTP server (GreenMail) and is marked sent. */
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
        assertThat(jdbc.sql("SELECT status FROM mail_message WHERE recipient = ?").param(email).query(String.class).single())
                .isEqualTo("SENT");
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
            assertThat(jdbc.sql("SELECT status FROM mail_message WHERE recipient = ?").param(email).query(String.class).single())
                    .isEqualTo("FAILED");
        }
        finally {
            smtp.start();
        }
    }
}
