package org.smartketing.funnel.leads;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.smartketing.funnel.Stage;
import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The rollup of stage entries: per UTC day, stage, source, campaign and owner, how many times a
 * lead entered the stage. {@link LeadHistory} adds to it with every stage change it writes, in the
 * same transaction; the figures read it and never count the history.
 *
 * <p>Many intakes at once all enter NEW on the same day from the same source, so one row per key
 * would make them queue for its lock. A key is therefore spread over {@link #SLOTS} rows (striped
 * counters): a transaction adds to one slot picked at random, and a read sums them. And the
 * additions are held until just before the transaction commits, so a row stays locked only for the
 * commit itself, not for the rest of the intake; they are written in key order, so two transactions
 * never wait for each other in a circle.
 */
@Repository
public class StageEntries {

    /** Rows a key is spread over. */
    static final int SLOTS = 8;

    /** What stands for "none" in the key's columns (a primary key cannot hold NULL). */
    static final String NO_SOURCE = "";
    static final UUID NONE = new UUID(0, 0);

    /** One row's key, without its slot. */
    public record Key(LocalDate day, Stage stage, String source, UUID campaignId, UUID ownerId) {

        static final Comparator<Key> ORDER = Comparator.comparing(Key::day).thenComparing(k -> k.stage().name())
                .thenComparing(Key::source).thenComparing(Key::campaignId).thenComparing(Key::ownerId);

        public Key {
            source = source == null ? NO_SOURCE : source;
            campaignId = campaignId == null ? NONE : campaignId;
            ownerId = ownerId == null ? NONE : ownerId;
        }

        public static Key of(Lead lead, Stage stage, Instant at) {
            return new Key(LocalDate.ofInstant(at, ZoneOffset.UTC), stage, lead.source(), lead.campaignId(),
                    lead.ownerId());
        }
    }

    /** A summed row: the key's parts the reader asked for are set (none: null), the others null too. */
    public record Count(LocalDate day, Stage stage, String source, UUID campaignId, UUID ownerId, long entries) {
    }

    /** What to count; null and empty mean any. */
    public record Filter(LocalDate from, LocalDate to, Set<Stage> stages, String source, UUID campaignId,
            UUID ownerId) {
    }

    /** Which of source, campaign and owner to keep apart; the others are summed over. */
    public record Breakdown(boolean source, boolean campaign, boolean owner) {
    }

    private final JdbcClient jdbc;

    StageEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one entry, in the current transaction (at its commit), or at once without one. */
    void entered(Key key) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            add(key, 1, ThreadLocalRandom.current().nextInt(SLOTS));
            return;
        }
        Pending pending = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(s -> s instanceof Pending p && p.owner == this).map(Pending.class::cast).findFirst()
                .orElseGet(() -> {
                    Pending p = new Pending(this);
                    TransactionSynchronizationManager.registerSynchronization(p);
                    return p;
                });
        if (pending.written) { // a change made while the transaction commits: too late to hold it
            add(key, 1, ThreadLocalRandom.current().nextInt(SLOTS));
            return;
        }
        pending.counts.merge(key, 1L, Long::sum);
    }

    /**
     * UPDATE first (the row is there nearly always); else INSERT, which does nothing when another
     * transaction inserted the same row meanwhile, and then the UPDATE again (it waits for that
     * transaction). Portable: H2 has no ON CONFLICT DO UPDATE, but both have DO NOTHING.
     */
    private void add(Key key, long entries, int slot) {
        for (int tries = 0; tries < 3; tries++) {
            int updated = jdbc.sql("""
                    UPDATE lead_stage_entry_day SET entries = entries + ?
                    WHERE entry_day = ? AND stage = ? AND source = ? AND campaign_id = ? AND owner_id = ? AND slot = ?""")
                    .params(entries, key.day(), key.stage().name(), key.source(), key.campaignId(), key.ownerId(), slot)
                    .update();
            if (updated == 1) {
                return;
            }
            int inserted = jdbc.sql("""
                    INSERT INTO lead_stage_entry_day (entry_day, stage, source, campaign_id, owner_id, slot, entries)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(key.day(), key.stage().name(), key.source(), key.campaignId(), key.ownerId(), slot, entries)
                    .update();
            if (inserted == 1) {
                return;
            }
        }
        throw new IllegalStateException("could not count a stage entry for " + key);
    }

    /** The summed counts per day and stage and the parts of the key asked for, by day. */
    public List<Count> counts(Filter f, Breakdown by) {
        List<String> where = new ArrayList<>(List.of("entry_day >= ?", "entry_day < ?"));
        List<Object> args = new ArrayList<>(List.of(f.from(), f.to()));
        Narrowing.narrow(where, args, "stage", f.stages(), f.source(), f.campaignId(), f.ownerId());
        List<String> columns = new ArrayList<>(List.of("entry_day", "stage"));
        if (by.source()) {
            columns.add("source");
        }
        if (by.campaign()) {
            columns.add("campaign_id");
        }
        if (by.owner()) {
            columns.add("owner_id");
        }
        String keys = String.join(", ", columns);
        return jdbc.sql("SELECT " + keys + ", SUM(entries) AS entries FROM lead_stage_entry_day WHERE "
                        + String.join(" AND ", where) + " GROUP BY " + keys + " ORDER BY " + keys)
                .params(args)
                .query((rs, n) -> new Count(rs.getObject("entry_day", LocalDate.class),
                        Stage.valueOf(rs.getString("stage")),
                        by.source() ? noneToNull(rs.getString("source")) : null,
                        by.campaign() ? noneToNull(rs.getObject("campaign_id", UUID.class)) : null,
                        by.owner() ? noneToNull(rs.getObject("owner_id", UUID.class)) : null, rs.getLong("entries")))
                .list();
    }

    /**
     * Recounts the days [from, to) from the stage history and replaces their rows, one per key. Call
     * it for days no stage change is still being written for (days that ended a while ago): a
     * change committing meanwhile on such a day would be counted twice.
     *
     * @return the rows written
     */
    public int rebuild(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.atStartOfDay(ZoneOffset.UTC).toInstant();
        jdbc.sql("DELETE FROM lead_stage_entry_day WHERE entry_day >= ? AND entry_day < ?").params(from, to).update();
        return jdbc.sql("""
                INSERT INTO lead_stage_entry_day (entry_day, stage, source, campaign_id, owner_id, slot, entries)
                SELECT entry_day, to_stage, src, campaign, owner, 0, COUNT(*) FROM (
                    SELECT DATE '1970-01-01' + CAST(FLOOR(EXTRACT(EPOCH FROM occurred_at) / 86400) AS INT) AS entry_day,
                           to_stage, COALESCE(source, ?) AS src, COALESCE(campaign_id, ?) AS campaign,
                           COALESCE(owner_id, ?) AS owner
                    FROM lead_stage_event WHERE occurred_at >= ? AND occurred_at < ?) e
                GROUP BY entry_day, to_stage, src, campaign, owner""")
                .params(NO_SOURCE, NONE, NONE, Sql.utc(start), Sql.utc(end))
                .update();
    }

    /** The first day the history has a stage change on, if any. */
    public Optional<LocalDate> firstDay() {
        Instant first = jdbc.sql("SELECT MIN(occurred_at) AS first_at FROM lead_stage_event")
                .query((rs, n) -> Sql.instant(rs, "first_at")).single();
        return Optional.ofNullable(first).map(at -> LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    private static String noneToNull(String source) {
        return NO_SOURCE.equals(source) ? null : source;
    }

    private static UUID noneToNull(UUID id) {
        return NONE.equals(id) ? null : id;
    }

    /** The entries a transaction counted, written just before it commits. */
    private static final class Pending implements TransactionSynchronization {

        final StageEntries owner;
        final Map<Key, Long> counts = new TreeMap<>(Key.ORDER);
        boolean written;

        Pending(StageEntries owner) {
            this.owner = owner;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            int slot = ThreadLocalRandom.current().nextInt(SLOTS);
            written = true;
            counts.forEach((key, n) -> owner.add(key, n, slot));
            counts.clear();
        }
    }
}
