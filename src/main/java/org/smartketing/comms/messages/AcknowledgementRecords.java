package org.smartketing.comms.messages;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.smartketing.shared.Sql;
import org.smartketing.team.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What responsiveness is measured from: each URGENT or NORMAL message that reached someone, in one query. */
@Repository
public class AcknowledgementRecords {

    /**
     * One message as one recipient got it.
     *
     * @param name the recipient's name when it was sent
     */
    public record Received(PersonId person, String name, int promisedMinutes, Instant deliveredAt,
            Instant acknowledgedAt) {

        /** When the promised response time runs out. */
        public Instant deadline() {
            return deliveredAt.plus(Duration.ofMinutes(promisedMinutes));
        }
    }

    private final JdbcClient jdbc;

    AcknowledgementRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Messages sent in [from, to) that were delivered with a promise (FYI has none). */
    public List<Received> received(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT r.person_id, r.person_name, r.promised_minutes, r.first_delivered_at, r.acknowledged_at
                FROM comms_recipient r JOIN comms_message m ON m.id = r.message_id
                WHERE m.sent_at >= ? AND m.sent_at < ? AND r.promised_minutes IS NOT NULL
                    AND r.first_delivered_at IS NOT NULL
                ORDER BY m.sent_at""")
                .params(Sql.utc(from), Sql.utc(to))
                .query((rs, n) -> new Received(new PersonId(Sql.uuid(rs, "person_id")), rs.getString("person_name"),
                        rs.getInt("promised_minutes"), Sql.instant(rs, "first_delivered_at"),
                        Sql.instant(rs, "acknowledged_at")))
                .list();
    }

    /** A recipient of URGENT messages nobody acknowledged, delivered or not, with how many and their name. */
    public record NeverAcknowledged(PersonId person, String name, int messages) {
    }

    /** URGENT messages sent in [from, to), not acknowledged, with no step left to go: counted per recipient. */
    public List<NeverAcknowledged> urgentNeverAcknowledged(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT r.person_id, MAX(r.person_name) AS person_name, COUNT(*) AS n
                FROM comms_recipient r JOIN comms_message m ON m.id = r.message_id
                WHERE m.urgency = 'URGENT' AND r.acknowledged_at IS NULL AND m.sent_at >= ? AND m.sent_at < ?
                    AND NOT EXISTS (SELECT 1 FROM comms_step s WHERE s.message_id = r.message_id
                        AND s.recipient_id = r.person_id AND s.state IN ('PLANNED', 'PENDING', 'SENDING'))
                GROUP BY r.person_id""")
                .params(Sql.utc(from), Sql.utc(to))
                .query((rs, n) -> new NeverAcknowledged(new PersonId(Sql.uuid(rs, "person_id")),
                        rs.getString("person_name"), rs.getInt("n")))
                .list();
    }
}
