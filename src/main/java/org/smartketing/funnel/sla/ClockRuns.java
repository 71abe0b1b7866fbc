package org.smartketing.funnel.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.Optional;

import org.smartketing.funnel.LeadId;
import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The clock runs of every lead. A run's start and due times never change; it is only stopped or alarmed. */
@Repository
class ClockRuns {

    private final JdbcClient jdbc;

    ClockRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ClockRun r) {
        jdbc.sql("""
                INSERT INTO lead_sla_clock (lead_id, clock, run, owner_id, work_minutes, started_at, warn_at, due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.leadId().value(), r.clock().name(), r.run(), r.ownerId(), r.workMinutes(),
                        Sql.utc(r.startedAt()), Sql.utc(r.warnAt()), Sql.utc(r.dueAt()))
                .update();
    }

    int nextRun(LeadId lead, ClockRun.Kind clock) {
        return jdbc.sql("SELECT COALESCE(MAX(run), 0) + 1 FROM lead_sla_clock WHERE lead_id = ? AND clock = ?")
                .params(lead.value(), clock.name()).query(Integer.class).single();
    }

    List<ClockRun> running(LeadId lead) {
        return jdbc.sql("SELECT * FROM lead_sla_clock WHERE lead_id = ? AND stopped_at IS NULL ORDER BY clock")
                .param(lead.value()).query(ClockRuns::map).list();
    }

    List<ClockRun> of(LeadId lead) {
        return jdbc.sql("SELECT * FROM lead_sla_clock WHERE lead_id = ? ORDER BY clock, run")
                .param(lead.value()).query(ClockRuns::map).list();
    }

    Optional<ClockRun> find(ClockRun.Key key) {
        return jdbc.sql("SELECT * FROM lead_sla_clock WHERE lead_id = ? AND clock = ? AND run = ?")
                .params(key.leadId().value(), key.clock().name(), key.run()).query(ClockRuns::map).optional();
    }

    /**
     * The running clocks of these owners, the first to fall due first, at most {@code limit}: of one
     * kind ({@code kind}, or any when null), only those past their breach when {@code breached}.
     */
    List<ClockRun> runningOf(Collection<UUID> owners, ClockRun.Kind kind, boolean breached, int limit) {
        if (owners.isEmpty()) {
            return List.of();
        }
        Where w = Where.of(owners, kind, breached);
        return jdbc.sql("SELECT * FROM lead_sla_clock WHERE " + w.sql() + " ORDER BY due_at, lead_id LIMIT ?")
                .params(concat(w.args(), limit)).query(ClockRuns::map).list();
    }

    /** How many {@link #runningOf} would give without a limit. */
    int countRunningOf(Collection<UUID> owners, ClockRun.Kind kind, boolean breached) {
        if (owners.isEmpty()) {
            return 0;
        }
        Where w = Where.of(owners, kind, breached);
        return jdbc.sql("SELECT COUNT(*) FROM lead_sla_clock WHERE " + w.sql()).params(w.args())
                .query(Integer.class).single();
    }

    private record Where(String sql, List<Object> args) {

        static Where of(Collection<UUID> owners, ClockRun.Kind kind, boolean breached) {
            List<Object> args = new ArrayList<>(owners);
            String sql = "stopped_at IS NULL AND owner_id IN (" + Sql.marks(owners.size())
                    + ")";
            if (kind != null) {
                sql += " AND clock = ?";
                args.add(kind.name());
            }
            if (breached) {
                sql += " AND breached_at IS NOT NULL";
            }
            return new Where(sql, args);
        }
    }

    private static List<Object> concat(List<Object> args, Object last) {
        List<Object> all = new ArrayList<>(args);
        all.add(last);
        return all;
    }

    /** Runs started in [from, to), for the report. */
    List<ClockRun> startedBetween(Instant from, Instant to) {
        return jdbc.sql("SELECT * FROM lead_sla_clock WHERE started_at >= ? AND started_at < ?")
                .params(Sql.utc(from), Sql.utc(to)).query(ClockRuns::map).list();
    }

    /** @return whether this call stopped it (false when it had stopped already) */
    boolean stop(ClockRun r, ClockRun.Outcome outcome, Instant at) {
        return jdbc.sql("""
                UPDATE lead_sla_clock SET stopped_at = ?, outcome = ?
                WHERE lead_id = ? AND clock = ? AND run = ? AND stopped_at IS NULL""")
                .params(Sql.utc(at), outcome.name(), r.leadId().value(), r.clock().name(), r.run()).update() == 1;
    }

    /**
     * Records the alarm on a run that still runs and has not had it yet. The guard in the WHERE
     * clause is what makes an alarm happen once, however often its job runs.
     */
    boolean alarm(ClockRun.Key key, ClockRun.Alarm alarm, Instant at) {
        String column = alarm == ClockRun.Alarm.WARNING ? "warned_at" : "breached_at";
        return jdbc.sql("UPDATE lead_sla_clock SET " + column + " = ? WHERE lead_id = ? AND clock = ? AND run = ? "
                        + "AND stopped_at IS NULL AND " + column + " IS NULL")
                .params(Sql.utc(at), key.leadId().value(), key.clock().name(), key.run()).update() == 1;
    }

    static ClockRun map(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        return new ClockRun(new LeadId(Sql.uuid(rs, "lead_id")), ClockRun.Kind.valueOf(rs.getString("clock")),
                rs.getInt("run"), Sql.uuid(rs, "owner_id"), rs.getInt("work_minutes"), Sql.instant(rs, "started_at"),
                Sql.instant(rs, "warn_at"), Sql.instant(rs, "due_at"), Sql.instant(rs, "stopped_at"),
                outcome == null ? null : ClockRun.Outcome.valueOf(outcome), Sql.instant(rs, "warned_at"),
                Sql.instant(rs, "breached_at"));
    }
}
