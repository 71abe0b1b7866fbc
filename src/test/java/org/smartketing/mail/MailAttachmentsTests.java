package org.smartketing.mail;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.smartketing.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Without SMTP a mail with attachments is HELD whole; a rolled-back change leaves neither behind. */
@IntegrationTest
class MailAttachmentsTests {

    @Autowired
    Mailer mailer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void keepsTheAttachmentsWithTheHeldMessage() {
        String to = "held." + System.nanoTime() + "@example.com";
        mailer.send(to, "Invitation: Sync", "See the invitation.",
                List.of(MailAttachment.text("invite.ics", "text/calendar; method=REQUEST; charset=UTF-8", "BEGIN:VCALENDAR")));

        assertThat(jdbc.sql("SELECT status FROM mail_message WHERE recipient = ?").param(to).query(String.class).single())
                .isEqualTo("HELD");
        assertThat(jdbc.sql("""
                SELECT a.filename, a.content_type FROM mail_attachment a JOIN mail_message m ON m.id = a.message_id
                WHERE m.recipient = ?""").param(to).query().singleRow())
                .containsEntry("filename", "invite.ics")
                .containsEntry("content_type", "text/calendar; method=REQUEST; charset=UTF-8");
    }

    @Test
    void aRolledBackChangeKeepsNoMailAndNoAttachment() {
        String to = "rolled.back." + System.nanoTime() + "@example.com";
        transaction.executeWithoutResult(status -> {
            mailer.send(to, "Invitation", "body", List.of(MailAttachment.text("a.ics", "text/calendar", "x")));
            status.setRollbackOnly();
        });

        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_message WHERE recipient = ?").param(to).query(Long.class).single())
                .isZero();
    }
}
