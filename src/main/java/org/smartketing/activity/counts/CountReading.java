package org.smartketing.activity.counts;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.smartketing.activity.ActivityCounts.By;
import org.smartketing.activity.ActivityCounts.Count;
import org.smartketing.activity.ActivityCounts.Query;
import org.smartketing.activity.ActivityType;
import org.smartketing.shared.Sql;
import org.smartketing.team.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers a count query from the rollup's whole hours and, for the hours a boundary of the period
 * or of one of its days, weeks or months cuts (periods not starting on the hour, zones offset by
 * half or three quarters of an hour), from the log itself. Both are summed in SQL per piece of the
 * period and per asked dimension, so the answer is a few rows whatever the period holds.
 */
@Component
public class CountReading {

    private static final Duration HOUR = Duration.ofHours(1);

    private final JdbcClient jdbc;

    CountReading(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Count> counts(Query query) {
        Buckets buckets = Buckets.of(query.from(), query.to(), query.zone(), query.per());
        if (buckets.list().isEmpty()) {
            return List.of();
        }
        Instant firstWhole = ceilHour(buckets.from());
        Instant endOfWhole = buckets.to().truncatedTo(ChronoUnit.HOURS);
        Set<Instant> cutHours = new TreeSet<>();
        buckets.cuts().stream().filter(c -> !c.equals(c.truncatedTo(ChronoUnit.HOURS)))
                .forEach(c -> cutHours.add(c.truncatedTo(ChronoUnit.HOURS)));
        List<Instant[]> fromLog = new ArrayList<>();
        Map<Key, Long> sums = new LinkedHashMap<>();
        if (firstWhole.isBefore(endOfWhole)) {
            fromLog.add(new Instant[] { buckets.from(), firstWhole });
            fromLog.add(new Instant[] { endOfWhole, buckets.to() });
            cutHours.forEach(h -> fromLog.add(new Instant[] { h, h.plus(HOUR) }));
            sum(rollupSql(query, buckets, firstWhole, endOfWhole, cutHours), query, sums);
        }
        else {
            fromLog.add(new Instant[] { buckets.from(), buckets.to() });
        }
        fromLog.removeIf(range -> !range[0].isBefore(range[1]));
        if (!fromLog.isEmpty()) {
            sum(logSql(query, buckets, fromLog), query, sums);
        }
        List<Count> counts = new ArrayList<>();
        sums.forEach((key, n) -> {
            if (n != 0) {
                counts.add(new Count(buckets.list().get(key.bucket()).period(), key.person(), key.type(),
                        CountKey.department(key.department()), n));
            }
        });
        counts.sort(Count.ORDER);
        return counts;
    }

    private record Key(int bucket, PersonId person, ActivityType type, String department) {
    }

    private record Statement(String sql, List<Object> params) {
    }

    private Statement rollupSql(Query query, Buckets buckets, Instant from, Instant to, Set<Instant> cutHours) {
        List<Object> params = new ArrayList<>();
        String bucket = bucketCase("hour_start", buckets, params);
        StringBuilder where = new StringBuilder(" WHERE hour_start >= ? AND hour_start < ?");
        params.add(Sql.utc(from));
        params.add(Sql.utc(to));
        if (!cutHours.isEmpty()) {
            where.append(" AND hour_start NOT IN (").append(marks(cutHours.size())).append(")");
            cutHours.forEach(h -> params.add(Sql.utc(h)));
        }
        filters(query, where, params, "department");
        return grouped("SELECT " + bucket + " AS bucket, person_id, type, department, n FROM activity_count" + where,
                query, params);
    }

    private Statement logSql(Query query, Buckets buckets, List<Instant[]> ranges) {
        List<Object> params = new ArrayList<>();
        String bucket = bucketCase("occurred_at", buckets, params);
        StringBuilder where = new StringBuilder(" WHERE (");
        for (int i = 0; i < ranges.size(); i++) {
            where.append(i == 0 ? "" : " OR ").append("(occurred_at >= ? AND occurred_at < ?)");
            params.add(Sql.utc(ranges.get(i)[0]));
            params.add(Sql.utc(ranges.get(i)[1]));
        }
        where.append(")");
        filters(query, where, params, "COALESCE(department, 'NONE')");
        return grouped("SELECT " + bucket + " AS bucket, person_id, type, COALESCE(department, 'NONE') AS department,"
                + " 1 AS n FROM activity" + where, query, params);
    }

    /** Which piece of the period a time falls in, by the pieces' boundaries. */
    private static String bucketCase(String column, Buckets buckets, List<Object> params) {
        List<Instant> cuts = buckets.cuts();
        if (cuts.isEmpty()) {
            return "0";
        }
        StringBuilder sql = new StringBuilder("CASE");
        for (int i = 0; i < cuts.size(); i++) {
            sql.append(" WHEN ").append(column).append(" < ? THEN ").append(i);
            params.add(Sql.utc(cuts.get(i)));
        }
        return sql.append(" ELSE ").append(cuts.size()).append(" END").toString();
    }

    private static void filters(Query query, StringBuilder where, List<Object> params, String department) {
        in(where, params, "person_id", query.people().stream().map(PersonId::value).toList());
        in(where, params, "type", query.types().stream().map(Enum::name).toList());
        in(where, params, department, query.departments().stream().map(Enum::name).toList());
    }

    private static void in(StringBuilder where, List<Object> params, String column, Collection<?> values) {
        if (!values.isEmpty()) {
            where.append(" AND ").append(column).append(" IN (").append(marks(values.size())).append(")");
            params.addAll(values);
        }
    }

    /** Sums the rows of the inner select per piece and per dimension asked for; the others are left out. */
    private static Statement grouped(String inner, Query query, List<Object> params) {
        List<String> columns = new ArrayList<>(List.of("bucket"));
        if (query.by().contains(By.PERSON)) {
            columns.add("person_id");
        }
        if (query.by().contains(By.TYPE)) {
            columns.add("type");
        }
        if (query.by().contains(By.DEPARTMENT)) {
            columns.add("department");
        }
        String list = String.join(", ", columns);
        return new Statement("SELECT " + list + ", SUM(n) AS n FROM (" + inner + ") c GROUP BY " + list, params);
    }

    private void sum(Statement statement, Query query, Map<Key, Long> sums) {
        jdbc.sql(statement.sql()).params(statement.params()).query(rs -> {
            Key key = new Key(rs.getInt("bucket"),
                    query.by().contains(By.PERSON) ? new PersonId(Sql.uuid(rs, "person_id")) : null,
                    query.by().contains(By.TYPE) ? ActivityType.valueOf(rs.getString("type")) : null,
                    query.by().contains(By.DEPARTMENT) ? rs.getString("department") : null);
            sums.merge(key, rs.getLong("n"), Long::sum);
        });
    }

    private static Instant ceilHour(Instant instant) {
        Instant floor = instant.truncatedTo(ChronoUnit.HOURS);
        return floor.equals(instant) ? floor : floor.plus(HOUR);
    }

    private static String marks(int n) {
        return Sql.marks(n);
    }
}
