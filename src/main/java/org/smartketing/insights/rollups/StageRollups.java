package org.smartketing.insights.rollups;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.smartketing.funnel.Stage;
import org.smartketing.funnel.TimeRange;
import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The two rollups over insights' stage changes that the funnel and rejection tiles read: the counts
 * per UTC hour and key ({@code insight_stage_count}) and each lead's stays in its stages
 * ({@code insight_stage_stay}). Both change in the transaction that takes a change into
 * {@code insight_stage_change}, and only when it is new there, so an event delivered twice counts
 * once; the rebuild and the reconciliation recount them from {@code insight_stage_change}.
 *
 * <p>An increment is an UPDATE, else an INSERT that does nothing on a conflict, else the UPDATE
 * again (another transaction inserted the row meanwhile), the same on H2 and PostgreSQL.
 */
@Component
public class StageRollups {

    /** The id kept for no campaign or no owner. */
    public static final UUID NONE = new UUID(0, 0);

    private static final Set<Stage> WITH_REASON = Set.of(Stage.REJECTED, Stage.RECYCLED);

    private final JdbcClient jdbc;

    StageRollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The two tables of counts: per UTC hour with the owner, per UTC day without. */
    public enum Grain {
        HOUR("insight_stage_count", "hour_start", ChronoUnit.HOURS), DAY("insight_stage_day", "day_start", ChronoUnit.DAYS);

        final String table;
        final String time;
        final ChronoUnit unit;

        Grain(String table, String time, ChronoUnit unit) {
            this.table = table;
            this.time = time;
            this.unit = unit;
        }

        String owner(String sql) {
            return this == HOUR ? sql : "";
        }
    }

    /** A counter's key: the UTC hour (or day), the stage entered, and the rest as kept ('' and {@link #NONE} for none). */
    public record CountKey(Instant hour, String toStage, String source, UUID campaign, UUID owner, String reason) {

        /** The key of the day's counter: its UTC day, no owner. */
        public CountKey daily() {
            return new CountKey(hour.truncatedTo(ChronoUnit.DAYS), toStage, source, campaign, NONE, reason);
        }

        CountKey in(Grain grain) {
            return grain == Grain.DAY ? daily() : this;
        }

        public static CountKey of(Instant at, Stage to, String source, UUID campaign, UUID owner, String reason) {
            return new CountKey(at.truncatedTo(ChronoUnit.HOURS), to.name(), text(source),
                    campaign == null ? NONE : campaign, owner == null ? NONE : owner,
                    WITH_REASON.contains(to) ? text(reason) : "");
        }
    }

    /** A stay as kept: the change that left the stage, the stage, its start and length, the leaving change's attributes. */
    public record Stay(UUID lead, Instant leftAt, String toStage, String stage, Instant enteredAt, long seconds,
            String source, UUID campaign, UUID owner) {
    }

    /** A row of {@code insight_stage_change} as the rollups need it. */
    record Change(UUID lead, Instant at, String to, String from, String reason, String source, UUID campaign, UUID owner) {

        CountKey key() {
            return CountKey.of(at, Stage.valueOf(to), source, campaign, owner, reason);
        }
    }

    /** The source or reason as kept: stripped, '' for none. */
    public static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** Counts a change newly taken in and puts its lead's stays right. */
    void taken(Change c) {
        add(Grain.HOUR, c.key(), 1);
        add(Grain.DAY, c.key().daily(), 1);
        restay(List.of(c.lead()));
    }

    private void add(Grain grain, CountKey key, long delta) {
        if (update(grain, key, delta) == 0 && insert(grain, key, delta) == 0 && update(grain, key, delta) == 0) {
            throw new IllegalStateException("stage count " + key + " could be neither inserted nor updated");
        }
    }

    private int update(Grain g, CountKey k, long delta) {
        List<Object> params = new ArrayList<>(List.of(delta, Sql.utc(k.hour()), k.toStage(), k.source(), k.campaign()));
        if (g == Grain.HOUR) {
            params.add(k.owner());
        }
        params.add(k.reason());
        return jdbc.sql("UPDATE " + g.table + " SET n = n + ? WHERE " + g.time + " = ? AND to_stage = ? AND source = ?"
                + " AND campaign_id = ?" + g.owner(" AND owner_id = ?") + " AND reason = ?").params(params).update();
    }

    private int insert(Grain g, CountKey k, long n) {
        List<Object> params = new ArrayList<>(List.of(Sql.utc(k.hour()), k.toStage(), k.source(), k.campaign()));
        if (g == Grain.HOUR) {
            params.add(k.owner());
        }
        params.add(k.reason());
        params.add(n);
        return jdbc.sql("INSERT INTO " + g.table + " (" + g.time + ", to_stage, source, campaign_id" + g.owner(", owner_id")
                + ", reason, n) VALUES (?, ?, ?, ?" + g.owner(", ?") + ", ?, ?) ON CONFLICT DO NOTHING").params(params)
                .update();
    }

    /** The stays of the leads as their changes say, recomputed and written where they differ; how many leads differed. */
    long restay(Collection<UUID> leads) {
        long differed = 0;
        List<UUID> all = new ArrayList<>(new LinkedHashSet<>(leads));
        for (int i = 0; i < all.size(); i += 500) {
            List<UUID> chunk = all.subList(i, Math.min(all.size(), i + 500));
            lock(chunk);
            Map<UUID, Set<Stay>> expected = new HashMap<>();
            Map<UUID, List<Change>> changes = new HashMap<>();
            for (Change c : changesOf(chunk)) {
                changes.computeIfAbsent(c.lead(), k -> new ArrayList<>()).add(c);
            }
            changes.forEach((lead, list) -> expected.put(lead, new HashSet<>(stays(list))));
            Map<UUID, Set<Stay>> kept = new HashMap<>();
            staysOf(chunk).forEach(s -> kept.computeIfAbsent(s.lead(), k -> new HashSet<>()).add(s));
            for (UUID lead : chunk) {
                Set<Stay> want = expected.getOrDefault(lead, Set.of());
                if (want.equals(kept.getOrDefault(lead, Set.of()))) {
                    continue;
                }
                differed++;
                jdbc.sql("DELETE FROM insight_stage_stay WHERE lead_id = ?").param(lead).update();
                for (Stay s : want) {
                    jdbc.sql("""
                            INSERT INTO insight_stage_stay (lead_id, left_at, to_stage, stage, entered_at, seconds, source,
                                campaign_id, owner_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                            .params(s.lead(), Sql.utc(s.leftAt()), s.toStage(), s.stage(), Sql.utc(s.enteredAt()),
                                    s.seconds(), s.source(), s.campaign(), s.owner())
                            .update();
                }
            }
        }
        return differed;
    }

    /**
     * Locks the leads' rows in {@code insight_stage_lead} (made when missing), in the order of their
     * ids: a transaction taking another change of one of them waits until this one commits, and its
     * reads after the wait see this one's change.
     */
    private void lock(List<UUID> leads) {
        for (UUID lead : new java.util.TreeSet<>(leads)) {
            jdbc.sql("INSERT INTO insight_stage_lead (lead_id) VALUES (?) ON CONFLICT DO NOTHING").param(lead).update();
            jdbc.sql("SELECT lead_id FROM insight_stage_lead WHERE lead_id = ? FOR UPDATE").param(lead)
                    .query((rs, n) -> rs.getObject(1)).list();
        }
    }

    /** The stays one lead's changes (oldest first) make: each change from a stage ends the stay begun by the change before it. */
    static List<Stay> stays(List<Change> changes) {
        List<Change> sorted = changes.stream().sorted(java.util.Comparator.comparing(Change::at)).toList();
        List<Stay> stays = new ArrayList<>();
        Instant before = null;
        Instant current = null;
        for (Change c : sorted) {
            if (!c.at().equals(current)) {
                before = current;
                current = c.at();
            }
            if (c.from() != null && before != null) {
                stays.add(new Stay(c.lead(), c.at(), c.to(), c.from(), before, Duration.between(before, c.at()).toSeconds(),
                        text(c.source()), c.campaign(), c.owner()));
            }
        }
        return stays;
    }

    private List<Change> changesOf(List<UUID> leads) {
        return jdbc.sql("""
                SELECT lead_id, occurred_at, to_stage, from_stage, reason, source, campaign_id, owner_id
                FROM insight_stage_change WHERE lead_id IN (:leads)""")
                .param("leads", leads).query((rs, n) -> change(rs)).list();
    }

    private List<Stay> staysOf(List<UUID> leads) {
        return jdbc.sql("""
                SELECT lead_id, left_at, to_stage, stage, entered_at, seconds, source, campaign_id, owner_id
                FROM insight_stage_stay WHERE lead_id IN (:leads)""")
                .param("leads", leads)
                .query((rs, n) -> new Stay(Sql.uuid(rs, "lead_id"), Sql.instant(rs, "left_at"), rs.getString("to_stage"),
                        rs.getString("stage"), Sql.instant(rs, "entered_at"), rs.getLong("seconds"),
                        rs.getString("source"), Sql.uuid(rs, "campaign_id"), Sql.uuid(rs, "owner_id")))
                .list();
    }

    static Change change(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Change(Sql.uuid(rs, "lead_id"), Sql.instant(rs, "occurred_at"), rs.getString("to_stage"),
                rs.getString("from_stage"), rs.getString("reason"), rs.getString("source"), Sql.uuid(rs, "campaign_id"),
                Sql.uuid(rs, "owner_id"));
    }

    /** What a recount over UTC hours found: the counted and recounted sums and the counters or leads set right. */
    record Recount(long counted, long recounted, long repaired) {
    }

    /**
     * Sets the counters of the period (whole UTC days), hours and days, to the recount of its stage
     * changes; what the hours' counters had.
     */
    Recount recountCounts(TimeRange period) {
        List<CountKey> changes = jdbc.sql("""
                SELECT lead_id, occurred_at, to_stage, from_stage, reason, source, campaign_id, owner_id
                FROM insight_stage_change WHERE occurred_at >= ? AND occurred_at < ?""")
                .params(Sql.utc(period.from()), Sql.utc(period.to()))
                .query((rs, n) -> change(rs).key()).list();
        Recount days = recount(Grain.DAY, period, changes);
        Recount hours = recount(Grain.HOUR, period, changes);
        return new Recount(hours.counted(), hours.recounted(), hours.repaired() + days.repaired());
    }

    private Recount recount(Grain grain, TimeRange period, List<CountKey> changes) {
        Map<CountKey, Long> recount = new HashMap<>();
        changes.forEach(k -> recount.merge(k.in(grain), 1L, Long::sum));
        Map<CountKey, Long> kept = counts(grain, period);
        long repaired = 0;
        Set<CountKey> keys = new HashSet<>(recount.keySet());
        keys.addAll(kept.keySet());
        for (CountKey k : keys) {
            long want = recount.getOrDefault(k, 0L);
            long have = kept.getOrDefault(k, 0L);
            if (want != have) {
                add(grain, k, want - have);
                repaired++;
            }
        }
        jdbc.sql("DELETE FROM " + grain.table + " WHERE " + grain.time + " >= ? AND " + grain.time + " < ? AND n = 0")
                .params(Sql.utc(period.from()), Sql.utc(period.to())).update();
        return new Recount(sum(kept), sum(recount), repaired);
    }

    /** Recomputes the stays of the leads with a change in the period, or a stay ending in it. */
    Recount recountStays(TimeRange period) {
        Set<UUID> leads = new LinkedHashSet<>(jdbc.sql(
                "SELECT DISTINCT lead_id FROM insight_stage_change WHERE occurred_at >= ? AND occurred_at < ?")
                .params(Sql.utc(period.from()), Sql.utc(period.to())).query((rs, n) -> Sql.uuid(rs, "lead_id")).list());
        long counted = jdbc.sql("SELECT COUNT(*) FROM insight_stage_stay WHERE left_at >= ? AND left_at < ?")
                .params(Sql.utc(period.from()), Sql.utc(period.to())).query(Long.class).single();
        leads.addAll(jdbc.sql("SELECT DISTINCT lead_id FROM insight_stage_stay WHERE left_at >= ? AND left_at < ?")
                .params(Sql.utc(period.from()), Sql.utc(period.to())).query((rs, n) -> Sql.uuid(rs, "lead_id")).list());
        long repaired = restay(leads);
        long recounted = jdbc.sql("SELECT COUNT(*) FROM insight_stage_stay WHERE left_at >= ? AND left_at < ?")
                .params(Sql.utc(period.from()), Sql.utc(period.to())).query(Long.class).single();
        return new Recount(counted, recounted, repaired);
    }

    /** The counters of the period's hours or days, zero ones left out. */
    public Map<CountKey, Long> counts(Grain grain, TimeRange period) {
        Map<CountKey, Long> counts = new HashMap<>();
        jdbc.sql("SELECT " + grain.time + " AS t, to_stage, source, campaign_id" + grain.owner(", owner_id") + ", reason, n FROM "
                + grain.table + " WHERE " + grain.time + " >= ? AND " + grain.time + " < ? AND n <> 0")
                .params(Sql.utc(period.from()), Sql.utc(period.to()))
                .query(rs -> {
                    counts.put(new CountKey(Sql.instant(rs, "t"), rs.getString("to_stage"), rs.getString("source"),
                            Sql.uuid(rs, "campaign_id"), grain == Grain.HOUR ? Sql.uuid(rs, "owner_id") : NONE,
                            rs.getString("reason")), rs.getLong("n"));
                });
        return counts;
    }

    private static long sum(Map<CountKey, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
