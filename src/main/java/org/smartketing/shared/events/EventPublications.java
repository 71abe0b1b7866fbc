package org.smartketing.shared.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the event publication registry's table holds beyond what Spring Modulith's API answers:
 * the outstanding publications with their tries, and the lost ones. Completed publications leave
 * {@code event_publication} for {@code event_publication_archive} (completion mode ARCHIVE), so
 * this table only ever holds what is waiting, running or failed.
 */
@Repository
class EventPublications {

    /** One publication not yet completed: an event waiting for (or failing in) one listener. */
    record Outstanding(UUID id, String event, String listener, String status, Instant publishedAt, int attempts,
            Instant lastTryAt) {
    }

    private final JdbcClient jdbc;

    EventPublications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A publication whose last try started before {@code before} and never ended belongs to a node
     * that stopped (or a listener that hangs): marked FAILED, it is tried again like any failure.
     */
    int markLostAsFailed(Instant before) {
        return jdbc.sql("""
                UPDATE event_publication SET status = 'FAILED'
                WHERE completion_date IS NULL AND status IN ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
                  AND last_resubmission_date < ?""").param(Sql.utc(before)).update();
    }

    long countOutstanding() {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL").query(Long.class)
                .single();
    }

    /** The oldest first. */
    List<Outstanding> outstanding(int limit) {
        return jdbc.sql("""
                SELECT id, event_type, listener_id, status, publication_date, completion_attempts, last_resubmission_date
                FROM event_publication WHERE completion_date IS NULL ORDER BY publication_date LIMIT ?""")
                .param(limit)
                .query((rs, n) -> new Outstanding(Sql.uuid(rs, "id"), rs.getString("event_type"),
                        rs.getString("listener_id"), rs.getString("status"), Sql.instant(rs, "publication_date"),
                        rs.getInt("completion_attempts"), Sql.instant(rs, "last_resubmission_date")))
                .list();
    }

    int forgetReactionsBefore(Instant before) {
        return jdbc.sql("DELETE FROM event_reaction WHERE done_at < ?").param(Sql.utc(before)).update();
    }
}
