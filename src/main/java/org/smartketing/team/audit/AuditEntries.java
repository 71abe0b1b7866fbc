package org.smartketing.team.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit_entry table: appended to, never changed. */
@Repository
public class AuditEntries {

    public record NewEntry(Instant occurredAt, UUID actorId, String actorLabel, String entityType, String entityId,
            String action, String before, String after) {
    }

    public record Entry(long id, Instant occurredAt, String actorLabel, String entityType, String entityId,
            String action, String before, String after) {

        /** What changed, field by field, as the audit page shows it. */
        public java.util.List<FieldChanges.Change> changes() {
            return FieldChanges.between(before, after);
        }
    }

    /** Narrowing of the audit page; every part optional. {@code beforeId} pages backwards in time. */
    public record Filter(String entityType, String entityId, String actor, Instant from, Instant to, Long beforeId) {
    }

    private static final String INSERT = """
            INSERT INTO audit_entry (occurred_at, actor_id, actor_label, entity_type, entity_id, action,
                before_state, after_state)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AuditEntries(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public void add(NewEntry e) {
        addAll(List.of(e));
    }

    /** Writes the entries in one round trip (a JDBC batch). */
    public void addAll(List<NewEntry> all) {
        if (all.size() == 1) {
            NewEntry e = all.get(0);
            jdbc.sql(INSERT).params(Sql.utc(e.occurredAt()), e.actorId(), e.actorLabel(), e.entityType(), e.entityId(),
                    e.action(), e.before(), e.after()).update();
            return;
        }
        if (!all.isEmpty()) {
            template.batchUpdate(INSERT, all.stream().map(e -> new Object[] { Sql.utc(e.occurredAt()), e.actorId(),
                    e.actorLabel(), e.entityType(), e.entityId(), e.action(), e.before(), e.after() }).toList());
        }
    }

    /** Newest first, {@code limit} at most, keyset-paged by id. */
    public List<Entry> find(Filter f, int limit) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (f.entityType() != null && !f.entityType().isBlank()) {
            where.add("entity_type = ?");
            args.add(f.entityType().strip());
        }
        if (f.entityId() != null && !f.entityId().isBlank()) {
            where.add("entity_id = ?");
            args.add(f.entityId().strip());
        }
        if (f.actor() != null && !f.actor().isBlank()) {
            where.add("LOWER(actor_label) LIKE ?");
            args.add(Sql.contains(f.actor()));
        }
        if (f.from() != null) {
            where.add("occurred_at >= ?");
            args.add(Sql.utc(f.from()));
        }
        if (f.to() != null) {
            where.add("occurred_at < ?");
            args.add(Sql.utc(f.to()));
        }
        if (f.beforeId() != null) {
            where.add("id < ?");
            args.add(f.beforeId());
        }
        args.add(limit);
        String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
        return jdbc.sql("SELECT * FROM audit_entry" + condition + " ORDER BY id DESC LIMIT ?")
                .params(args)
                .query((rs, n) -> new Entry(rs.getLong("id"), Sql.instant(rs, "occurred_at"), rs.getString("actor_label"),
                        rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("action"),
                        rs.getString("before_state"), rs.getString("after_state")))
                .list();
    }

    public List<String> entityTypes() {
        return jdbc.sql("SELECT DISTINCT entity_type FROM audit_entry ORDER BY entity_type").query(String.class).list();
    }
}
