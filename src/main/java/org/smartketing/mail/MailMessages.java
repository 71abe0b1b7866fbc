package org.smartketing.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.smartketing.shared.PageOf;
import org.smartketing.shared.Sql;
import org.smartketing.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox table: every email ever sent or held. */
@Repository
class MailMessages {

    enum Status { HELD, SENT, FAILED }

    record MailMessage(UUID id, String recipient, String subject, String body, Status status,
            String lastError, Instant createdAt, Instant sentAt) {
    }

    private final JdbcClient jdbc;

    MailMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID add(String to, String subject, String body, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO mail_message (id, recipient, subject, body, status, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, to, Text.abbreviate(subject, 200), body, Status.HELD.name(), Sql.utc(at))
                .update();
        return id;
    }

    void attach(UUID message, List<MailAttachment> attachments) {
        for (int i = 0; i < attachments.size(); i++) {
            MailAttachment a = attachments.get(i);
            jdbc.sql("""
                    INSERT INTO mail_attachment (id, message_id, position, filename, content_type, content)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), message, i, a.filename(), a.contentType(), a.content()).update();
        }
    }

    void markSent(UUID id, Instant at) {
        jdbc.sql("UPDATE mail_message SET status = ?, sent_at = ?, last_error = NULL WHERE id = ?")
                .params(Status.SENT.name(), Sql.utc(at), id).update();
    }

    void markFailed(UUID id, String error) {
        jdbc.sql("UPDATE mail_message SET status = ?, last_error = ? WHERE id = ?")
                .params(Status.FAILED.name(), Text.abbreviate(String.valueOf(error), 500), id).update();
    }

    PageOf<MailMessage> newestFirst(PageOf.Request request) {
        long total = jdbc.sql("SELECT COUNT(*) FROM mail_message").query(Long.class).single();
        List<MailMessage> items = jdbc.sql("""
                SELECT * FROM mail_message ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?""")
                .params(request.size(), request.offset()).query(MailMessages::row).list();
        return new PageOf<>(items, request.page(), request.size(), total);
    }

    List<MailMessage> to(String recipient, int limit) {
        return jdbc.sql("SELECT * FROM mail_message WHERE recipient = ? ORDER BY created_at DESC, id DESC LIMIT ?")
                .params(recipient, limit).query(MailMessages::row).list();
    }

    private static MailMessage row(ResultSet rs, int n) throws SQLException {
        return new MailMessage(Sql.uuid(rs, "id"), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("body"), Status.valueOf(rs.getString("status")), rs.getString("last_error"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "sent_at"));
    }
}
