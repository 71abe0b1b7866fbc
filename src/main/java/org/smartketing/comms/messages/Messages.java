package org.smartketing.comms.messages;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.comms.Channel;
import org.smartketing.comms.MessageId;
import org.smartketing.comms.Regarding;
import org.smartketing.comms.Urgency;
import org.smartketing.comms.messages.MessageRecords.Attempt;
import org.smartketing.comms.messages.MessageRecords.MessageDetails;
import org.smartketing.comms.messages.MessageRecords.MessageLine;
import org.smartketing.comms.messages.MessageRecords.Recipient;
import org.smartketing.comms.messages.MessageRecords.Step;
import org.smartketing.comms.messages.MessageRecords.StepState;
import org.smartketing.comms.messages.MessageRecords.StoredMessage;
import org.smartketing.shared.PageOf;
import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Messages, recipients, plan steps and attempts. A step changes state only through guarded
 * UPDATEs ({@code WHERE state = ...}), which is what makes each step go out at most once however
 * many nodes run its job.
 */
@Repository
class Messages {

    private final JdbcClient jdbc;

    Messages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(StoredMessage m) {
        Regarding r = m.regarding();
        jdbc.sql("""
                INSERT INTO comms_message (id, sender_id, sender_name, audience_kind, audience_ref, audience_label,
                    urgency, subject, body, regarding_kind, regarding_id, regarding_title, regarding_path,
                    last_resort_id, sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id().value(), m.senderId(), m.senderName(), m.audienceKind(), m.audienceRef(),
                        m.audienceLabel(), m.urgency().name(), m.subject(), m.body(), r == null ? null : r.kind(),
                        r == null ? null : r.id(), r == null ? null : r.title(), r == null ? null : r.path(),
                        m.lastResortId(), Sql.utc(m.sentAt()))
                .update();
    }

    void insertRecipient(MessageId message, UUID person, String name, Integer promisedMinutes) {
        jdbc.sql("INSERT INTO comms_recipient (message_id, person_id, person_name, promised_minutes) VALUES (?, ?, ?, ?)")
                .params(message.value(), person, name, promisedMinutes).update();
    }

    void insertStep(Step s) {
        jdbc.sql("""
                INSERT INTO comms_step (id, message_id, recipient_id, step_no, person_id, person_name, channel, address,
                    reason, wait_minutes, held, state, due_at, attempts)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(s.id(), s.messageId().value(), s.recipientId(), s.stepNo(), s.personId(), s.personName(),
                        s.channel().name(), s.address(), s.reason(), s.waitMinutes(), s.held(), s.state().name(),
                        Sql.utc(s.dueAt()))
                .update();
    }

    Optional<StoredMessage> message(MessageId id) {
        return jdbc.sql("SELECT * FROM comms_message WHERE id = ?").param(id.value()).query(Messages::message)
                .optional();
    }

    Optional<MessageDetails> details(MessageId id) {
        return message(id).map(m -> new MessageDetails(m,
                jdbc.sql("SELECT * FROM comms_recipient WHERE message_id = ? ORDER BY person_name")
                        .param(id.value()).query(Messages::recipient).list(),
                jdbc.sql("SELECT * FROM comms_step WHERE message_id = ? ORDER BY recipient_id, step_no")
                        .param(id.value()).query(Messages::step).list(),
                jdbc.sql("""
                        SELECT a.* FROM comms_attempt a JOIN comms_step s ON s.id = a.step_id
                        WHERE s.message_id = ? ORDER BY a.at, a.attempt""")
                        .param(id.value()).query(Messages::attempt).list()));
    }

    Optional<Step> step(UUID id) {
        return jdbc.sql("SELECT * FROM comms_step WHERE id = ?").param(id).query(Messages::step).optional();
    }

    Optional<Step> nextStep(Step after) {
        return jdbc.sql("SELECT * FROM comms_step WHERE message_id = ? AND recipient_id = ? AND step_no = ?")
                .params(after.messageId().value(), after.recipientId(), after.stepNo() + 1).query(Messages::step)
                .optional();
    }

    Optional<Recipient> recipient(MessageId message, UUID person) {
        return jdbc.sql("SELECT * FROM comms_recipient WHERE message_id = ? AND person_id = ?")
                .params(message.value(), person).query(Messages::recipient).optional();
    }

    /** Whether the person is a recipient of the message or was reached by one of its steps. */
    boolean involves(MessageId message, UUID person) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM comms_message m WHERE m.id = ? AND (m.sender_id = ?
                    OR EXISTS (SELECT 1 FROM comms_recipient r WHERE r.message_id = m.id AND r.person_id = ?)
                    OR EXISTS (SELECT 1 FROM comms_step s WHERE s.message_id = m.id AND s.person_id = ?
                        AND s.state IN ('SENDING', 'DELIVERED', 'FAILED')))""")
                .params(message.value(), person, person, person).query(Long.class).single() > 0;
    }

    /**
     * The PENDING step becomes SENDING, its {@code due_at} the moment of the claim (so a step stuck
     * in SENDING can be told by its age); false when another node (or an acknowledgement) got there first.
     */
    boolean claim(UUID step, Instant at) {
        return jdbc.sql("""
                UPDATE comms_step SET state = 'SENDING', attempts = attempts + 1, due_at = ?
                WHERE id = ? AND state = 'PENDING'""")
                .params(Sql.utc(at), step).update() == 1;
    }

    /** @return false when the claim (the step in SENDING at that attempt) is no longer there, e.g. swept */
    boolean delivered(Step step, Instant at) {
        return jdbc.sql("""
                UPDATE comms_step SET state = 'DELIVERED', delivered_at = ?, last_error = NULL
                WHERE id = ? AND state = 'SENDING' AND attempts = ?""")
                .params(Sql.utc(at), step.id(), step.attempts()).update() == 1;
    }

    /**
     * Back to PENDING for another attempt at {@code dueAt}, or FAILED for good when {@code dueAt} is null.
     *
     * @return false when the claim (the step in SENDING at that attempt) is no longer there
     */
    boolean failed(Step step, String reason, Instant dueAt) {
        return jdbc.sql("""
                UPDATE comms_step SET state = ?, last_error = ?, due_at = COALESCE(?, due_at)
                WHERE id = ? AND state = 'SENDING' AND attempts = ?""")
                .params(dueAt == null ? StepState.FAILED.name() : StepState.PENDING.name(), cut(reason),
                        Sql.utc(dueAt), step.id(), step.attempts()).update() == 1;
    }

    /** Steps claimed (SENDING) before the moment: their node most likely stopped before recording the outcome. */
    List<Step> sendingSince(Instant claimedBefore) {
        return jdbc.sql("SELECT * FROM comms_step WHERE state = 'SENDING' AND due_at < ? ORDER BY due_at")
                .param(Sql.utc(claimedBefore)).query(Messages::step).list();
    }

    /** A PLANNED step becomes PENDING, due at that moment; false when it was skipped meanwhile. */
    boolean schedule(UUID step, Instant dueAt) {
        return jdbc.sql("UPDATE comms_step SET state = 'PENDING', due_at = ? WHERE id = ? AND state = 'PLANNED'")
                .params(Sql.utc(dueAt), step).update() == 1;
    }

    void skip(UUID step) {
        jdbc.sql("UPDATE comms_step SET state = 'SKIPPED' WHERE id = ? AND state IN ('PLANNED', 'PENDING')").param(step)
                .update();
    }

    /** Steps that have not gone out yet for the recipient stop here. */
    void skipRemaining(MessageId message, UUID recipient) {
        jdbc.sql("""
                UPDATE comms_step SET state = 'SKIPPED'
                WHERE message_id = ? AND recipient_id = ? AND state IN ('PLANNED', 'PENDING')""")
                .params(message.value(), recipient).update();
    }

    void firstDelivered(MessageId message, UUID recipient, Instant at) {
        jdbc.sql("UPDATE comms_recipient SET first_delivered_at = ? WHERE message_id = ? AND person_id = ? AND first_delivered_at IS NULL")
                .params(Sql.utc(at), message.value(), recipient).update();
    }

    /** @return false when it was acknowledged already */
    boolean acknowledge(MessageId message, UUID recipient, UUID by, String byName, Instant at) {
        return jdbc.sql("""
                UPDATE comms_recipient SET acknowledged_at = ?, acknowledged_by = ?, acknowledged_by_name = ?
                WHERE message_id = ? AND person_id = ? AND acknowledged_at IS NULL""")
                .params(Sql.utc(at), by, byName, message.value(), recipient).update() == 1;
    }

    /** An attempt and its outcome; the detail (address, remote status) is for admins only. */
    void attempt(UUID step, int attempt, Channel channel, Instant at, String outcome, String reason, String detail) {
        jdbc.sql("""
                INSERT INTO comms_attempt (step_id, attempt, channel, at, outcome, reason, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(step, attempt, channel.name(), Sql.utc(at), outcome, cut(reason), cut(detail)).update();
    }

    /** Held FYI steps for the person that are due: the day's digest. */
    List<Step> heldFor(UUID person, Instant dueBy) {
        return jdbc.sql("""
                SELECT * FROM comms_step WHERE person_id = ? AND held = TRUE AND state = 'PENDING' AND due_at <= ?
                ORDER BY due_at, message_id""")
                .params(person, Sql.utc(dueBy)).query(Messages::step).list();
    }

    PageOf<MessageLine> sentBy(UUID sender, PageOf.Request page) {
        long total = jdbc.sql("SELECT COUNT(*) FROM comms_message WHERE sender_id = ?").param(sender)
                .query(Long.class).single();
        List<MessageLine> lines = jdbc.sql(LINES + " WHERE m.sender_id = ? ORDER BY m.sent_at DESC, m.id LIMIT ? OFFSET ?")
                .params(sender, page.size(), page.offset()).query(Messages::line).list();
        return new PageOf<>(lines, page.page(), page.size(), total);
    }

    PageOf<MessageLine> receivedBy(UUID person, PageOf.Request page) {
        String mine = " WHERE EXISTS (SELECT 1 FROM comms_recipient x WHERE x.message_id = m.id AND x.person_id = ?)"
                + " OR EXISTS (SELECT 1 FROM comms_step y WHERE y.message_id = m.id AND y.person_id = ?"
                + " AND y.state IN ('SENDING', 'DELIVERED'))";
        long total = jdbc.sql("SELECT COUNT(*) FROM comms_message m" + mine).params(person, person)
                .query(Long.class).single();
        List<MessageLine> lines = jdbc.sql(LINES + mine + " ORDER BY m.sent_at DESC, m.id LIMIT ? OFFSET ?")
                .params(person, person, page.size(), page.offset()).query(Messages::line).list();
        return new PageOf<>(lines, page.page(), page.size(), total);
    }

    /** The messages to this person that ask for an acknowledgement they have not given yet, the oldest first. */
    PageOf<MessageLine> unacknowledgedBy(UUID person, PageOf.Request page) {
        String waiting = " WHERE m.urgency <> 'FYI' AND EXISTS (SELECT 1 FROM comms_recipient x WHERE x.message_id = m.id"
                + " AND x.person_id = ? AND x.acknowledged_at IS NULL)";
        long total = jdbc.sql("SELECT COUNT(*) FROM comms_message m" + waiting).param(person).query(Long.class).single();
        List<MessageLine> lines = jdbc.sql(LINES + waiting + " ORDER BY m.sent_at, m.id LIMIT ? OFFSET ?")
                .params(person, page.size(), page.offset()).query(Messages::line).list();
        return new PageOf<>(lines, page.page(), page.size(), total);
    }

    private static final String LINES = """
            SELECT m.id, m.urgency, m.subject, m.sender_name, m.audience_label, m.sent_at,
                (SELECT COUNT(*) FROM comms_recipient r WHERE r.message_id = m.id) AS recipients,
                (SELECT COUNT(*) FROM comms_recipient r WHERE r.message_id = m.id AND r.acknowledged_at IS NOT NULL) AS acked
            FROM comms_message m""";

    private static String cut(String reason) {
        return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 497) + "…";
    }

    private static MessageLine line(ResultSet rs, int row) throws SQLException {
        return new MessageLine(new MessageId(Sql.uuid(rs, "id")), Urgency.valueOf(rs.getString("urgency")),
                rs.getString("subject"), rs.getString("sender_name"), rs.getString("audience_label"),
                Sql.instant(rs, "sent_at"), rs.getInt("recipients"), rs.getInt("acked"));
    }

    private static StoredMessage message(ResultSet rs, int row) throws SQLException {
        String kind = rs.getString("regarding_kind");
        return new StoredMessage(new MessageId(Sql.uuid(rs, "id")), Sql.uuid(rs, "sender_id"),
                rs.getString("sender_name"), rs.getString("audience_kind"), rs.getString("audience_ref"),
                rs.getString("audience_label"), Urgency.valueOf(rs.getString("urgency")), rs.getString("subject"),
                rs.getString("body"), kind == null ? null : new Regarding(kind, rs.getString("regarding_id"),
                        rs.getString("regarding_title"), rs.getString("regarding_path")),
                Sql.uuid(rs, "last_resort_id"), Sql.instant(rs, "sent_at"));
    }

    private static Recipient recipient(ResultSet rs, int row) throws SQLException {
        int promised = rs.getInt("promised_minutes");
        return new Recipient(Sql.uuid(rs, "person_id"), rs.getString("person_name"), rs.wasNull() ? null : promised,
                Sql.instant(rs, "first_delivered_at"), Sql.instant(rs, "acknowledged_at"),
                Sql.uuid(rs, "acknowledged_by"), rs.getString("acknowledged_by_name"));
    }

    static Step step(ResultSet rs, int row) throws SQLException {
        int wait = rs.getInt("wait_minutes");
        Integer waitMinutes = rs.wasNull() ? null : wait;
        return new Step(Sql.uuid(rs, "id"), new MessageId(Sql.uuid(rs, "message_id")), Sql.uuid(rs, "recipient_id"),
                rs.getInt("step_no"), Sql.uuid(rs, "person_id"), rs.getString("person_name"),
                Channel.valueOf(rs.getString("channel")), rs.getString("address"), rs.getString("reason"),
                waitMinutes, rs.getBoolean("held"), StepState.valueOf(rs.getString("state")),
                Sql.instant(rs, "due_at"), rs.getInt("attempts"), Sql.instant(rs, "delivered_at"),
                rs.getString("last_error"));
    }

    private static Attempt attempt(ResultSet rs, int row) throws SQLException {
        return new Attempt(Sql.uuid(rs, "step_id"), rs.getInt("attempt"), Channel.valueOf(rs.getString("channel")),
                Sql.instant(rs, "at"), rs.getString("outcome"), rs.getString("reason"), rs.getString("detail"));
    }
}
