package org.smartketing.comms.messages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;

import org.smartketing.shared.Percentiles;
import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How well the lines of communication hold, over a period: each person's acknowledgement time
 * against the response time they promised (median, 90th percentile, share of promises kept),
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

    private record Row(UUID person, String name, int promised, Instant delivered, Instant acked) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    MessageMeasures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Measures over(Duration period) {
        Instant to = clock.instant();
        Instant from = to.minus(period);
        List<Row> rows = jdbc.sql("""
                SELECT r.person_id, r.person_name, r.promised_minutes, r.first_delivered_at, r.acknowledged_at
                FROM comms_recipient r JOIN comms_message m ON m.id = r.message_id
                WHERE m.sent_at >= ? AND m.sent_at < ? AND r.promised_minutes IS NOT NULL
                    AND r.first_delivered_at IS NOT NULL""")
                .params(Sql.utc(from), Sql.utc(to))
                .query((rs, n) -> new Row(Sql.uuid(rs, "person_id"), rs.getString("person_name"),
                        rs.getInt("promised_minutes"), Sql.instant(rs, "first_delivered_at"),
                        Sql.instant(rs, "acknowledged_at")))
                .list();
        Map<UUID, List<Row>> byPerson = new LinkedHashMap<>();
        rows.forEach(r -> byPerson.computeIfAbsent(r.person(), k -> new ArrayList<>()).add(r));
        List<PersonMeasure> people = byPerson.values().stream().map(list -> measure(list, to))
                .sorted(Comparator.comparing(PersonMeasure::name, String.CASE_INSENSITIVE_ORDER)).toList();
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

    private static PersonMeasure measure(List<Row> rows, Instant now) {
        List<Long> minutes = rows.stream().filter(r -> r.acked() != null)
                .map(r -> Duration.between(r.delivered(), r.acked()).toMinutes()).sorted().toList();
        long decided = rows.stream().filter(r -> r.acked() != null
                || now.isAfter(r.delivered().plus(Duration.ofMinutes(r.promised())))).count();
        long kept = rows.stream().filter(r -> r.acked() != null
                && !r.acked().isAfter(r.delivered().plus(Duration.ofMinutes(r.promised())))).count();
        Row last = rows.get(rows.size() - 1);
        return new PersonMeasure(last.person(), last.name(), rows.size(), minutes.size(), percentile(minutes, 50),
                percentile(minutes, 90), rows.stream().map(Row::promised).min(Integer::compare).orElse(null),
                decided == 0 ? 1.0 : (double) kept / decided);
    }

    /** Whole minutes at percentile p ({@link Percentiles}, 0–100); null for no values. */
    static Long percentile(List<Long> minutes, int p) {
        OptionalDouble value = Percentiles.of(minutes, p / 100.0);
        return value.isPresent() ? Math.round(value.getAsDouble()) : null;
    }
}
