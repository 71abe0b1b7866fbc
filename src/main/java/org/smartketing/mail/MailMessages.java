package org.smartketing.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.shared.PageOf;
import org.smartketing.shared.Sql;
import org.smartketing.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox table: every email ever sent or held. A QUEUED email is claimed for one try with a
 * guarded UPDATE (QUEUED → SENDING, counting the try); what happened is written only by the try
 * that claimed it, so no email is sent twice.
 */
@Repository
class MailMessages {

    enum Status {
        QUEUED("waiting to be sent"), SENDING("being sent"), SENT("sent"), FAILED("failed"),
        HELD("held: no SMTP server is configured");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    record MailMessage(UUID id, String recipient, String subject, String body, Status status, String lastError,
            Instant createdAt, Instant sentAt, int attempts, Instant nextAttemptAt, Instant lastAttemptAt) {
    }

    private final JdbcClient jdbc;

    MailMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new email; a QUEUED one is due at once. */
    UUID add(String to, String subject, String body, Status status, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO mail_message (id, recipient, subject, body, status, created_at, attempts, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, 0, ?)""")
                .params(id, to, Text.abbreviate(subject, 200), body, status.name(), Sql.utc(at),
                        status == Status.QUEUED ? Sql.utc(at) : null)
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

    /** Claims try number {@code attempt} of a QUEUED email; false when it is not (any more) this try's to make. */
    boolean claim(UUID id, int attempt, Instant at) {
        return jdbc.sql("""
                UPDATE mail_message SET status = 'SENDING', attempts = ?, last_attempt_at = ?, next_attempt_at = NULL
                WHERE id = ? AND status = 'QUEUED' AND attempts = ?""")
                .params(attempt, Sql.utc(at), id, attempt - 1).update() == 1;
    }

    Optional<MailMessage> byId(UUID id) {
        return jdbc.sql("SELECT * FROM mail_message WHERE id = ?").param(id).query(MailMessages::row).optional();
    }

    List<MailAttachment> attachmentsOf(UUID id) {
        return jdbc.sql("SELECT filename, content_type, content FROM mail_attachment WHERE message_id = ? ORDER BY position")
                .param(id)
                .query((rs, n) -> new MailAttachment(rs.getString("filename"), rs.getString("content_type"),
                        rs.getBytes("content")))
                .list();
    }

    void sent(UUID id, int attempt, Instant at) {
        outcome(id, attempt, "status = 'SENT', sent_at = ?, last_error = NULL", Sql.utc(at));
    }

    /** @return whether this try still owned the email (only then is the next try scheduled) */
    boolean retryAt(UUID id, int attempt, Instant next, String error) {
        return outcome(id, attempt, "status = 'QUEUED', next_attempt_at = ?, last_error = ?", Sql.utc(next),
                Text.abbreviate(String.valueOf(error), 500));
    }

    void failed(UUID id, int attempt, String error) {
        outcome(id, attempt, "status = 'FAILED', last_error = ?", Text.abbreviate(String.valueOf(error), 500));
    }

    void held(UUID id, int attempt) {
        outcome(id, attempt, "status = 'HELD'");
    }

    private boolean outcome(UUID id, int attempt, String set, Object... values) {
        Object[] params = new Object[values.length + 2];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = id;
        params[values.length + 1] = attempt;
        return jdbc.sql("UPDATE mail_message SET " + set + " WHERE id = ? AND status = 'SENDING' AND attempts = ?")
                .params(params).update() == 1;
    }

    /** Emails whose try began before {@code before} and never ended: their node stopped while sending. */
    int failSendingSince(Instant before, String reason) {
        return jdbc.sql("UPDATE mail_message SET status = 'FAILED', last_error = ? WHERE status = 'SENDING' AND last_attempt_at < ?")
                .params(reason, Sql.utc(before)).update();
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
                Sql.instant(rs, "created_at"), Sql.instant(rs, "sent_at"), rs.getInt("attempts"),
                Sql.instant(rs, "next_attempt_at"), Sql.instant(rs, "last_attempt_at"));
    }
}
