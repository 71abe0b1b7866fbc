package org.smartketing.funnel.intake;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Answers given to requests that carried an Idempotency-Key, per caller, to repeat on a retry. */
@Repository
public class IdempotentResponses {

    public record Stored(String requestHash, int status, String location, String body) {
    }

    private final JdbcClient jdbc;

    IdempotentResponses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Stored> find(UUID owner, String key) {
        return jdbc.sql("SELECT request_hash, status, location, body FROM idempotent_response WHERE owner_id = ? AND idem_key = ?")
                .params(owner, key)
                .query((rs, n) -> new Stored(rs.getString("request_hash"), rs.getInt("status"), rs.getString("location"),
                        rs.getString("body")))
                .optional();
    }

    public void store(UUID owner, String key, Stored response, Instant at) {
        jdbc.sql("""
                INSERT INTO idempotent_response (owner_id, idem_key, request_hash, status, location, body, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(owner, key, response.requestHash(), response.status(), response.location(), response.body(),
                        Sql.utc(at))
                .update();
    }
}
