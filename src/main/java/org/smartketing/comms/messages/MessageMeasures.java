package org.smartketing.comms.messages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.smartketing.comms.Responsiveness;
import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How well the lines of communication hold, over a period: each person's acknowledgement time
 * against the response time they promised (median, 90th percentile, share of promises kept, from
 * the part's face {@link Responsiveness}),
 * URGENT messages nobody ever acknowledged (the goal is none), and failed deliveries per channel.
 * Acknowledgement time runs from the first delivery to the acknowledgement; a message still
 * unacknowledged counts as a broken promise once its promised time has passed, and not at all before.
 */
@Service
@Transactional(readOnly = true)
class MessageMeasures {

    record PersonMeasure(UUID person, String name, int messages, int acknowledged, Long medianMinutes,
            Long p90Minutes, Integer promisedMinutes, double shareKept) {
    }

    record Unacknowledged(UUID message, String subject, UUID recipient, String recipientName, Instant sentAt) {
    }

    record ChannelFailures(String channel, long failedAttempts, long stepsGivenUp) {
    }

    record Measures(Instant from, Instant to, List<PersonMeasure> people, List<Unacknowledged> urgentNeverAcknowledged,
            List<ChannelFailures> failuresByChannel) {
    }

    private final Responsiveness responsiveness;
    private final JdbcClient jdbc;
    private final Clock clock;

    MessageMeasures(Responsiveness responsiveness, JdbcClient jdbc, Clock clock) {
        this.responsiveness = responsiveness;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Measures over(Duration period) {
        Instant to = clock.instant();
        Instant from = to.minus(period);
        List<PersonMeasure> people = responsiveness.byPerson(from, to).stream().filter(f -> f.messages() > 0)
                .map(f -> new PersonMeasure(f.person().value(), f.name(), f.messages(), f.acknowledged(),
                        f.medianMinutes(), f.p90Minutes(), f.shortestPromiseMinutes(), f.shareKept()))
                .toList();
        List<Unacknowledged> never = jdbc.sql("""
                SELECT m.id, m.subject, r.person_id, r.person_name, m.sent_at
                FROM comms_recipient r JOIN comms_message m ON m.id = r.message_id
                WHERE m.urgency = 'URGENT' AND r.acknowledged_at IS NULL AND m.sent_at >= ? AND m.sent_at < ?
                    AND NOT EXISTS (SELECT 1 FROM comms_step s WHERE s.message_id = r.message_id
                        AND s.recipient_id = r.person_id AND s.state IN ('PLANNED', 'PENDING', 'SENDING'))
                ORDER BY m.sent_at DESC""")
                .params(Sql.utc(from), Sql.utc(to))
                .query((rs, n) -> new Unacknowledged(Sql.uuid(rs, "id"), rs.getString("subject"),
                        Sql.uuid(rs, "person_id"), rs.getString("person_name"), Sql.instant(rs, "sent_at")))
                .list();
        List<ChannelFailures> failures = jdbc.sql("""
                SELECT a.channel,
                    SUM(CASE WHEN a.outcome = 'FAILED' THEN 1 ELSE 0 END) AS failed,
                    COUNT(DISTINCT CASE WHEN s.state = 'FAILED' THEN s.id END) AS given_up
                FROM comms_attempt a JOIN comms_step s ON s.id = a.step_id
                WHERE a.at >= ? AND a.at < ?
                GROUP BY a.channel ORDER BY a.channel""")
                .params(Sql.utc(from), Sql.utc(to))
                .query((rs, n) -> new ChannelFailures(rs.getString("channel"), rs.getLong("failed"),
                        rs.getLong("given_up")))
                .list();
        return new Measures(from, to, people, never, failures);
    }
}
