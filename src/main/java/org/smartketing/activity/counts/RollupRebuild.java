package org.smartketing.activity.counts;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartketing.activity.ActivityType;
import org.smartketing.shared.Sql;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts the rollup again from the log, one UTC day per transaction, while activities go on being
 * logged, corrected and removed. For each day it first makes every slot row of every counter the
 * day has (in the log or the rollup) exist, then locks them all ({@code FOR UPDATE}), and only
 * then recounts the log: a change that committed before the lock is in the recount, one still
 * under way waits for the lock and adds its own +1/−1 after the rebuild's commit, so nothing is
 * counted twice or lost. A counter that only appeared after the day's rows were read was written
 * by changes since then alone and is left as they wrote it. Activities without a department
 * (logged before departments were kept) get their person's department first.
 *
 * <p>Idempotent: a rebuild cut short (a node stopping) is simply run again by its job.
 */
@Component
public class RollupRebuild {

    private static final Logger log = LoggerFactory.getLogger(RollupRebuild.class);
    private static final Duration DAY = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final Rollup rollup;
    private final TeamDirectory directory;
    private final TransactionTemplate tx;

    RollupRebuild(JdbcClient jdbc, Rollup rollup, TeamDirectory directory, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.rollup = rollup;
        this.directory = directory;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Counts every day again; returns how many days it went through. */
    public int rebuild() {
        Map<PersonId, Department> departments = departmentsMissing();
        int days = 0;
        for (Instant day = next(Instant.EPOCH.minus(DAY)); day != null; day = next(day.plus(DAY))) {
            Instant start = day;
            retryingOnLockFailure(() -> tx.executeWithoutResult(status -> recount(start, departments)));
            days++;
        }
        log.info("Activity counts rebuilt from the log: {} days", days);
        return days;
    }

    /** Whether some activity still lacks its department (logged before departments were kept). */
    public boolean departmentsUnknown() {
        return jdbc.sql("SELECT COUNT(*) FROM activity WHERE department IS NULL").query(Long.class).single() > 0;
    }

    /** The first UTC day at or after {@code from} that the log or the rollup has anything on. */
    private Instant next(Instant from) {
        Instant inLog = jdbc.sql("SELECT MIN(occurred_at) AS t FROM activity WHERE occurred_at >= ?")
                .param(Sql.utc(from)).query((rs, n) -> Sql.instant(rs, "t")).list().get(0);
        Instant inRollup = jdbc.sql("SELECT MIN(hour_start) AS t FROM activity_count WHERE hour_start >= ?")
                .param(Sql.utc(from)).query((rs, n) -> Sql.instant(rs, "t")).list().get(0);
        Instant first = inLog == null ? inRollup : inRollup == null || inLog.isBefore(inRollup) ? inLog : inRollup;
        return first == null ? null : first.truncatedTo(ChronoUnit.DAYS);
    }

    private void recount(Instant day, Map<PersonId, Department> departments) {
        Instant end = day.plus(DAY);
        departments.forEach((person, department) -> jdbc.sql(
                "UPDATE activity SET department = ? WHERE person_id = ? AND department IS NULL"
                        + " AND occurred_at >= ? AND occurred_at < ?")
                .params(department.name(), person.value(), Sql.utc(day), Sql.utc(end)).update());
        Set<CountKey> keys = new HashSet<>(logCounts(day, end).keySet());
        Set<Slot> present = new HashSet<>(slots(day, end, false));
        present.forEach(s -> keys.add(s.key()));
        for (CountKey key : keys) {
            for (int slot = 0; slot < CountKey.SLOTS; slot++) {
                if (!present.contains(new Slot(key, slot))) {
                    rollup.insert(key, slot, 0);
                }
            }
        }
        slots(day, end, true);
        Map<CountKey, Long> recount = logCounts(day, end);
        for (CountKey key : keys) {
            List<Object> params = new java.util.ArrayList<>();
            params.add(recount.getOrDefault(key, 0L));
            params.addAll(Rollup.keyParams(key));
            jdbc.sql("""
                    UPDATE activity_count SET n = CASE WHEN slot = 0 THEN ? ELSE 0 END
                    WHERE hour_start = ? AND person_id = ? AND type = ? AND department = ?""")
                    .params(params).update();
        }
    }

    private record Slot(CountKey key, int slot) {
    }

    private List<Slot> slots(Instant day, Instant end, boolean lock) {
        return jdbc.sql("SELECT hour_start, person_id, type, department, slot FROM activity_count"
                        + " WHERE hour_start >= ? AND hour_start < ?" + (lock ? " FOR UPDATE" : ""))
                .params(Sql.utc(day), Sql.utc(end))
                .query((rs, n) -> new Slot(Rows.key(rs), rs.getInt("slot"))).list();
    }

    private Map<CountKey, Long> logCounts(Instant day, Instant end) {
        Map<CountKey, Long> counts = new HashMap<>();
        jdbc.sql("SELECT occurred_at, person_id, type, department FROM activity WHERE occurred_at >= ? AND occurred_at < ?")
                .params(Sql.utc(day), Sql.utc(end))
                .query(rs -> {
                    String department = rs.getString("department");
                    counts.merge(CountKey.of(Sql.instant(rs, "occurred_at"), new PersonId(Sql.uuid(rs, "person_id")),
                            ActivityType.valueOf(rs.getString("type")),
                            department == null ? null : Department.valueOf(department)), 1L, Long::sum);
                });
        return counts;
    }

    private Map<PersonId, Department> departmentsMissing() {
        List<PersonId> people = jdbc.sql("SELECT DISTINCT person_id FROM activity WHERE department IS NULL")
                .query((rs, n) -> new PersonId(Sql.uuid(rs, "person_id"))).list();
        return directory.people(people).values().stream()
                .collect(Collectors.toMap(PersonSummary::id, PersonSummary::department));
    }

    /** Two changes locking counters in opposite orders are told apart by the database; the day is simply counted again. */
    private static void retryingOnLockFailure(Runnable day) {
        for (int attempt = 1;; attempt++) {
            try {
                day.run();
                return;
            }
            catch (PessimisticLockingFailureException ex) {
                if (attempt == 3) {
                    throw ex;
                }
                log.warn("Recounting a day of activity met a lock conflict, counting it again: {}", ex.getMessage());
            }
        }
    }
}
