package org.smartketing.activity.counts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.smartketing.activity.ActivityId;
import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code activity_count} rollup, changed in the transaction of every change to the log. An
 * increment is an UPDATE, else an INSERT that does nothing on a conflict, else the UPDATE again
 * (another transaction inserted the row meanwhile): the same on H2 and PostgreSQL, neither of
 * which then needs {@code ON CONFLICT DO UPDATE} or {@code MERGE}.
 */
@Repository
public class Rollup {

    private final JdbcClient jdbc;

    Rollup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts the activity in (+1) or out (-1) of its counter. */
    public void add(ActivityId activity, CountKey key, int delta) {
        change(Map.of(key, delta), activity);
    }

    /** A correction: out of the old counter, into the new one, in {@link CountKey#LOCK_ORDER}. */
    public void move(ActivityId activity, CountKey from, CountKey to) {
        if (from.equals(to)) {
            return;
        }
        Map<CountKey, Integer> changes = new TreeMap<>(CountKey.LOCK_ORDER);
        changes.put(from, -1);
        changes.put(to, 1);
        change(changes, activity);
    }

    private void change(Map<CountKey, Integer> changes, ActivityId activity) {
        int slot = CountKey.slot(activity);
        changes.forEach((key, delta) -> {
            if (update(key, slot, delta) == 0 && insert(key, slot, delta) == 0 && update(key, slot, delta) == 0) {
                throw new IllegalStateException("activity count " + key + " could be neither inserted nor updated");
            }
        });
    }

    private int update(CountKey key, int slot, long delta) {
        return jdbc.sql("""
                UPDATE activity_count SET n = n + ?
                WHERE hour_start = ? AND person_id = ? AND type = ? AND department = ? AND slot = ?""")
                .params(delta, Sql.utc(key.hour()), key.person().value(), key.type().name(), key.departmentColumn(), slot)
                .update();
    }

    int insert(CountKey key, int slot, long n) {
        return jdbc.sql("""
                INSERT INTO activity_count (hour_start, person_id, type, department, slot, n) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(Sql.utc(key.hour()), key.person().value(), key.type().name(), key.departmentColumn(), slot, n)
                .update();
    }

    /** Every counter with its sum over slots, in no particular order (for tests and the rebuild's checks). */
    public Map<CountKey, Long> all() {
        Map<CountKey, Long> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT hour_start, person_id, type, department, SUM(n) AS n FROM activity_count"
                        + " GROUP BY hour_start, person_id, type, department HAVING SUM(n) <> 0")
                .query(rs -> {
                    counts.put(Rows.key(rs), rs.getLong("n"));
                });
        return counts;
    }

    static List<Object> keyParams(CountKey key) {
        List<Object> params = new ArrayList<>();
        params.add(Sql.utc(key.hour()));
        params.add(key.person().value());
        params.add(key.type().name());
        params.add(key.departmentColumn());
        return params;
    }
}
