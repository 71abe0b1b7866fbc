package org.smartketing.webhooks.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.shared.Sql;
import org.smartketing.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Deliveries and their attempts ({@code webhook_delivery}, {@code webhook_attempt}). */
@Repository
public class Deliveries {

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the delivery unless this endpoint already has one for this event; true when it was added. */
    boolean insert(Delivery d) {
        return jdbc.sql("""
                INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_type, payload, state, attempts, created_at,
                    next_attempt_at, give_up_at) VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(d.id(), d.endpointId(), d.eventId(), d.eventType(), d.payload(), Sql.utc(d.createdAt()),
                        Sql.utc(d.nextAttemptAt()), Sql.utc(d.giveUpAt())).update() == 1;
    }

    public Optional<Delivery> byId(UUID id) {
        return jdbc.sql("SELECT * FROM webhook_delivery WHERE id = ?").param(id).query(Deliveries::map).optional();
    }

    /** The endpoint's newest deliveries first. */
    public List<Delivery> ofEndpoint(UUID endpoint, int limit) {
        return jdbc.sql("SELECT * FROM webhook_delivery WHERE endpoint_id = ? ORDER BY created_at DESC, id LIMIT ?")
                .params(endpoint, limit).query(Deliveries::map).list();
    }

    /** The attempts of these deliveries, by delivery, in order. */
    public Map<UUID, List<Delivery.Attempt>> attemptsOf(List<UUID> deliveries) {
        Map<UUID, List<Delivery.Attempt>> byDelivery = new LinkedHashMap<>();
        deliveries.forEach(id -> byDelivery.put(id, new java.util.ArrayList<>()));
        if (deliveries.isEmpty()) {
            return byDelivery;
        }
        jdbc.sql("SELECT * FROM webhook_attempt WHERE delivery_id IN (:ids) ORDER BY attempt").param("ids", deliveries)
                .query((rs, row) -> {
                    byDelivery.get(Sql.uuid(rs, "delivery_id")).add(new Delivery.Attempt(rs.getInt("attempt"),
                            Sql.instant(rs, "started_at"), rs.getLong("duration_ms"), (Integer) rs.getObject("response_code"),
                            rs.getString("response_body"), rs.getString("error")));
                    return null;
                }).list();
        return byDelivery;
    }

    /**
     * Takes the attempt for sending: the delivery waits for exactly this attempt, or a node that
     * stopped while sending it left it SENDING since before {@code staleBefore}. True for one caller only.
     */
    boolean claim(UUID id, int attempt, Instant now, Instant staleBefore) {
        return jdbc.sql("""
                UPDATE webhook_delivery SET state = 'SENDING', attempts = ?, claimed_at = ?, next_attempt_at = NULL
                WHERE id = ? AND ((state = 'PENDING' AND attempts = ?) OR (state = 'SENDING' AND attempts = ? AND claimed_at < ?))""")
                .params(attempt, Sql.utc(now), id, attempt - 1, attempt, Sql.utc(staleBefore)).update() == 1;
    }

    void recordAttempt(UUID delivery, Delivery.Attempt a) {
        jdbc.sql("""
                INSERT INTO webhook_attempt (delivery_id, attempt, started_at, duration_ms, response_code, response_body, error)
                VALUES (?, ?, ?, ?, ?, ?, ?)""").params(delivery, a.number(), Sql.utc(a.startedAt()), a.durationMs(),
                a.responseCode(), Text.abbreviate(a.responseBody(), 1000), Text.abbreviate(a.error(), 500)).update();
    }

    void delivered(UUID id, Instant at) {
        jdbc.sql("UPDATE webhook_delivery SET state = 'DELIVERED', delivered_at = ?, last_error = NULL WHERE id = ?")
                .params(Sql.utc(at), id).update();
    }

    void retryAt(UUID id, Instant next, String error) {
        jdbc.sql("UPDATE webhook_delivery SET state = 'PENDING', next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(Sql.utc(next), Text.abbreviate(error, 500), id).update();
    }

    void failed(UUID id, String error) {
        jdbc.sql("UPDATE webhook_delivery SET state = 'FAILED', next_attempt_at = NULL, last_error = ? WHERE id = ?")
                .params(Text.abbreviate(error, 500), id).update();
    }

    /** A failed delivery waits again, now, with a fresh span to try in; true when it was failed. */
    boolean again(UUID id, Instant now, Instant giveUpAt) {
        return jdbc.sql("""
                UPDATE webhook_delivery SET state = 'PENDING', next_attempt_at = ?, give_up_at = ?
                WHERE id = ? AND state = 'FAILED'""").params(Sql.utc(now), Sql.utc(giveUpAt), id).update() == 1;
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(Sql.uuid(rs, "id"), Sql.uuid(rs, "endpoint_id"), Sql.uuid(rs, "event_id"),
                rs.getString("event_type"), rs.getString("payload"), Delivery.State.valueOf(rs.getString("state")),
                rs.getInt("attempts"), Sql.instant(rs, "created_at"), Sql.instant(rs, "next_attempt_at"),
                Sql.instant(rs, "delivered_at"), Sql.instant(rs, "give_up_at"), rs.getString("last_error"));
    }
}
