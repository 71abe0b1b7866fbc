package org.smartketing.activity.log;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.smartketing.activity.Activity;
import org.smartketing.activity.ActivityId;
import org.smartketing.activity.ActivitySource;
import org.smartketing.activity.ActivityType;
import org.smartketing.shared.PageOf;
import org.smartketing.shared.Sql;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The activity table. */
@Repository
public class Activities {

    /** Which activities to list or count; every part may be {@code null}. {@code to} is exclusive. */
    public record Filter(ActivityType type, PersonId person, UUID leadId, Instant from, Instant to) {
    }

    private static final String NEWEST_FIRST = "occurred_at DESC, recorded_at DESC, id";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Activities(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Stores the activity with the department its person was in when it was logged. */
    public void insert(Activity a, Department department) {
        jdbc.sql("""
                INSERT INTO activity (id, type, person_id, occurred_at, outcome, lead_id, campaign_id, source, recorded_at,
                    department)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id().value(), a.type().name(), a.personId().value(), Sql.utc(a.occurredAt()), a.outcome(),
                        a.leadId(), a.campaignId(), a.source().name(), Sql.utc(a.recordedAt()), department.name())
                .update();
    }

    /** The activity as stored with its department ({@code null} when logged before departments were kept). */
    public record Stored(Activity activity, Department department) {
    }

    /** Locks the row until the transaction ends, so two corrections of one activity follow each other. */
    public Optional<Stored> lock(ActivityId id) {
        return jdbc.sql("SELECT * FROM activity WHERE id = ? FOR UPDATE").param(id.value())
                .query((rs, n) -> new Stored(map(rs, n), department(rs))).optional();
    }

    public void correct(ActivityId id, ActivityType type, PersonId person, Department department, Instant occurredAt) {
        jdbc.sql("UPDATE activity SET type = ?, person_id = ?, department = ?, occurred_at = ? WHERE id = ?")
                .params(type.name(), person.value(), department == null ? null : department.name(), Sql.utc(occurredAt),
                        id.value()).update();
    }

    public void delete(ActivityId id) {
        jdbc.sql("DELETE FROM activity WHERE id = ?").param(id.value()).update();
    }

    public Optional<Activity> byId(ActivityId id) {
        return jdbc.sql("SELECT * FROM activity WHERE id = ?").param(id.value()).query(Activities::map).optional();
    }

    /** Newest first. */
    public PageOf<Activity> page(Filter filter, PageOf.Request request) {
        Where where = where(filter);
        long total = count(filter);
        List<Object> pageArgs = new ArrayList<>(where.args());
        pageArgs.addAll(List.of(request.size(), request.offset()));
        List<Activity> items = jdbc.sql("SELECT * FROM activity" + where.sql()
                        + " ORDER BY " + NEWEST_FIRST + " LIMIT ? OFFSET ?")
                .params(pageArgs).query(Activities::map).list();
        return new PageOf<>(items, request.page(), request.size(), total);
    }

    /**
     * Every activity the filter finds, in the list's order, handed over as it is read (an export):
     * in one read-only transaction, so PostgreSQL sends {@link Sql#FETCH_SIZE} rows at a time.
     */
    @Transactional(readOnly = true)
    public void each(Filter filter, Consumer<? super Activity> each) {
        Where where = where(filter);
        Sql.each(template, "SELECT * FROM activity" + where.sql() + " ORDER BY " + NEWEST_FIRST, where.args(),
                Activities::map, each);
    }

    public long count(Filter filter) {
        Where where = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM activity" + where.sql()).params(where.args()).query(Long.class).single();
    }

    /** The types that occurred in the period, with how often. */
    public Map<ActivityType, Long> countByType(Instant from, Instant to) {
        Where where = where(new Filter(null, null, null, from, to));
        Map<ActivityType, Long> counts = new EnumMap<>(ActivityType.class);
        jdbc.sql("SELECT type, COUNT(*) AS n FROM activity" + where.sql() + " GROUP BY type").params(where.args())
                .query(rs -> {
                    counts.put(ActivityType.valueOf(rs.getString("type")), rs.getLong("n"));
                });
        return counts;
    }

    /** Newest first. */
    public List<Activity> forLead(UUID leadId) {
        return jdbc.sql("SELECT * FROM activity WHERE lead_id = ? ORDER BY occurred_at DESC, recorded_at DESC, id")
                .param(leadId).query(Activities::map).list();
    }

    /** Points the activities given at another lead; returns how many it moved. */
    public int relink(java.util.Collection<ActivityId> ids, UUID toLead) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("UPDATE activity SET lead_id = :lead WHERE id IN (:ids)")
                .param("lead", toLead).param("ids", ids.stream().map(ActivityId::value).toList()).update();
    }

    /** The ids of the activities about the lead, locked until the transaction ends. */
    public List<ActivityId> idsForLead(UUID leadId) {
        return jdbc.sql("SELECT id FROM activity WHERE lead_id = ? ORDER BY id FOR UPDATE").param(leadId)
                .query((rs, n) -> new ActivityId(Sql.uuid(rs, "id"))).list();
    }

    private record Where(String sql, List<Object> args) {
    }

    private static Where where(Filter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (filter.type() != null) {
            conditions.add("type = ?");
            args.add(filter.type().name());
        }
        if (filter.person() != null) {
            conditions.add("person_id = ?");
            args.add(filter.person().value());
        }
        if (filter.leadId() != null) {
            conditions.add("lead_id = ?");
            args.add(filter.leadId());
        }
        if (filter.from() != null) {
            conditions.add("occurred_at >= ?");
            args.add(Sql.utc(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("occurred_at < ?");
            args.add(Sql.utc(filter.to()));
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), args);
    }

    private static Department department(ResultSet rs) throws SQLException {
        String department = rs.getString("department");
        return department == null ? null : Department.valueOf(department);
    }

    private static Activity map(ResultSet rs, int row) throws SQLException {
        return new Activity(new ActivityId(Sql.uuid(rs, "id")), ActivityType.valueOf(rs.getString("type")),
                new PersonId(Sql.uuid(rs, "person_id")), Sql.instant(rs, "occurred_at"), rs.getString("outcome"),
                Sql.uuid(rs, "lead_id"), Sql.uuid(rs, "campaign_id"), ActivitySource.valueOf(rs.getString("source")),
                Sql.instant(rs, "recorded_at"));
    }
}
