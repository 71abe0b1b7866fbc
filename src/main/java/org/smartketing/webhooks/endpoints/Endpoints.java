package org.smartketing.webhooks.endpoints;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.smartketing.shared.Sql;
import org.smartketing.webhooks.WebhookEventType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registered endpoints ({@code webhook_endpoint}). */
@Repository
public class Endpoints {

    private final JdbcClient jdbc;

    Endpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Endpoint e) {
        jdbc.sql("""
                INSERT INTO webhook_endpoint (id, url, description, events, secret, previous_secret,
                    previous_secret_until, enabled, disabled_reason, failures_in_a_row, failing_since, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, NULL, NULL, TRUE, NULL, 0, NULL, ?, ?)""")
                .params(e.id(), e.url(), e.description(), codes(e.events()), e.secret(), Sql.utc(e.createdAt()),
                        Sql.utc(e.updatedAt())).update();
    }

    public Optional<Endpoint> byId(UUID id) {
        return jdbc.sql("SELECT * FROM webhook_endpoint WHERE id = ?").param(id).query(Endpoints::map).optional();
    }

    public List<Endpoint> all() {
        return jdbc.sql("SELECT * FROM webhook_endpoint ORDER BY created_at, id").query(Endpoints::map).list();
    }

    /** The enabled endpoints that take this type of event. */
    public List<Endpoint> subscribedTo(WebhookEventType type) {
        return jdbc.sql("SELECT * FROM webhook_endpoint WHERE enabled = TRUE ORDER BY created_at, id")
                .query(Endpoints::map).stream().filter(e -> e.subscribesTo(type)).toList();
    }

    /** Changes what admins may change; a re-enabled endpoint starts counting failures afresh. */
    void update(Endpoint e, Instant now) {
        jdbc.sql("""
                UPDATE webhook_endpoint SET url = ?, description = ?, events = ?, enabled = ?,
                    disabled_reason = CASE WHEN ? THEN NULL ELSE disabled_reason END,
                    failures_in_a_row = CASE WHEN ? AND NOT enabled THEN 0 ELSE failures_in_a_row END,
                    failing_since = CASE WHEN ? AND NOT enabled THEN NULL ELSE failing_since END,
                    updated_at = ? WHERE id = ?""")
                .params(e.url(), e.description(), codes(e.events()), e.enabled(), e.enabled(), e.enabled(), e.enabled(),
                        Sql.utc(now), e.id()).update();
    }

    void rotate(UUID id, String secret, String previous, Instant previousUntil, Instant now) {
        jdbc.sql("""
                UPDATE webhook_endpoint SET secret = ?, previous_secret = ?, previous_secret_until = ?, updated_at = ?
                WHERE id = ?""").params(secret, previous, Sql.utc(previousUntil), Sql.utc(now), id).update();
    }

    boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM webhook_endpoint WHERE id = ?").param(id).update() == 1;
    }

    /** The receiver took an attempt: the failures in a row end. */
    public void succeeded(UUID id) {
        jdbc.sql("UPDATE webhook_endpoint SET failures_in_a_row = 0, failing_since = NULL WHERE id = ? AND failures_in_a_row > 0")
                .param(id).update();
    }

    /** Counts a failed attempt and returns the endpoint as it is now. */
    public Optional<Endpoint> failed(UUID id, Instant at) {
        jdbc.sql("""
                UPDATE webhook_endpoint SET failures_in_a_row = failures_in_a_row + 1,
                    failing_since = COALESCE(failing_since, ?) WHERE id = ?""").params(Sql.utc(at), id).update();
        return byId(id);
    }

    /** Turns the endpoint off; true for the one call that did (two nodes may both find it failing). */
    public boolean disable(UUID id, String reason, Instant now) {
        return jdbc.sql("UPDATE webhook_endpoint SET enabled = FALSE, disabled_reason = ?, updated_at = ? WHERE id = ? AND enabled = TRUE")
                .params(reason, Sql.utc(now), id).update() == 1;
    }

    private static String codes(List<WebhookEventType> events) {
        return events.stream().map(WebhookEventType::code).collect(Collectors.joining(","));
    }

    private static Endpoint map(ResultSet rs, int row) throws SQLException {
        List<WebhookEventType> events = Arrays.stream(rs.getString("events").split(","))
                .flatMap(code -> WebhookEventType.byCode(code).stream()).toList();
        return new Endpoint(Sql.uuid(rs, "id"), rs.getString("url"), rs.getString("description"), events,
                rs.getString("secret"), rs.getString("previous_secret"), Sql.instant(rs, "previous_secret_until"),
                rs.getBoolean("enabled"), rs.getString("disabled_reason"), rs.getInt("failures_in_a_row"),
                Sql.instant(rs, "failing_since"), Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
