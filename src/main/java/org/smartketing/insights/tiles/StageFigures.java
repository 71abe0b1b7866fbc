package org.smartketing.insights.tiles;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.smartketing.funnel.Stage;
import org.smartketing.insights.InsightFilter;
import org.smartketing.insights.rollups.StageRollups;
import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the funnel and rejection tiles' figures from insights' pre-aggregated stage rollups
 * ({@link StageRollups}) for a filter: counts of changes and exact median stays per period of the
 * viewer's zone ({@link TileParts#period}), source, campaign and stage, of changes whose lead had
 * the filter's source and campaign at that moment and was owned then by its team's people (a team
 * filter leaves out changes of leads without an owner).
 *
 * <p>Counts are kept per UTC day (without the owner) and per UTC hour (with it). Whole hours add
 * up to the days of any zone with a whole-hour offset; a period is read as whole UTC days plus or
 * minus the hours between its start and the nearest UTC midnight. An hour that a boundary cuts
 * (a period's start in a zone such as Asia/Kolkata, UTC+05:30) is not read from the counts but
 * counted from {@code insight_stage_change} itself, change by change, so the figures stay exact in
 * every zone. Stays are one row each, so they are placed by their own instant and need no such care.
 */
@Component
public class StageFigures {

    /** A count of changes into a stage in one period (its index in {@link Periods#starts}), source, campaign and reason. */
    public record Count(int period, String source, UUID campaign, Stage to, String reason, long n) {
    }

    /** The median seconds in a stage of the stays that ended in one period, source and campaign ({@code period} -1: all). */
    public record Median(int period, String source, UUID campaign, Stage stage, double seconds) {
    }

    /** The filter's periods: their first days and the instants where each after the first begins. */
    public record Periods(List<LocalDate> starts, List<Instant> cuts) {

        static Periods of(InsightFilter filter) {
            List<LocalDate> starts = new ArrayList<>();
            List<Instant> cuts = new ArrayList<>();
            for (LocalDate day = filter.from(); !day.isAfter(filter.to()); day = day.plusDays(1)) {
                LocalDate period = TileParts.period(filter, day);
                if (starts.isEmpty() || !starts.get(starts.size() - 1).equals(period)) {
                    if (!starts.isEmpty()) {
                        cuts.add(day.atStartOfDay(filter.zone()).toInstant());
                    }
                    starts.add(period);
                }
            }
            return new Periods(List.copyOf(starts), List.copyOf(cuts));
        }

        String sql(String column, Map<String, Object> params) {
            return caseOf(column, cuts, params);
        }
    }

    private final JdbcClient jdbc;

    StageFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Periods periods(InsightFilter filter) {
        return Periods.of(filter);
    }

    /**
     * The counts over the filter; {@code withReasons} keeps the reason of rejections and recycles
     * apart (else it is '' on every count). {@code owners} null: anybody's.
     *
     * <p>Without a team the whole UTC days come from the day counts, each given to the period its
     * UTC day mostly lies in (its start rounded to the nearest UTC midnight), and the hours between
     * a period's own start and that midnight are moved over from the hour counts. With a team, or
     * when periods are too short for that, everything comes from the hour counts.
     */
    public List<Count> counts(InsightFilter filter, Set<UUID> owners, boolean withReasons) {
        if (owners != null && owners.isEmpty()) {
            return List.of();
        }
        Periods periods = Periods.of(filter);
        List<Instant> bounds = new ArrayList<>();
        bounds.add(filter.start());
        bounds.addAll(periods.cuts());
        bounds.add(filter.end());
        List<Instant> midnights = bounds.stream().map(StageFigures::nearestMidnight).toList();
        boolean byDays = owners == null;
        for (int i = 1; i < midnights.size(); i++) {
            byDays &= midnights.get(i).isAfter(midnights.get(i - 1));
        }
        if (!byDays) {
            return merged(hourly(filter, filter.start(), filter.end(), periods.cuts(), owners, withReasons));
        }
        int last = midnights.size() - 1;
        List<Count> counts = new ArrayList<>(daily(filter, midnights.get(0), midnights.get(last),
                midnights.subList(1, last), withReasons));
        // the hours between each period's start and its midnight: counted by the days in one period
        // (or none), truly in the other (or none); all read at once, each range by its index
        List<Instant> rangeStarts = new ArrayList<>();
        List<Instant> rangeEnds = new ArrayList<>();
        List<int[]> moves = new ArrayList<>();
        for (int i = 0; i <= last; i++) {
            Instant own = bounds.get(i);
            Instant midnight = midnights.get(i);
            if (own.equals(midnight)) {
                continue;
            }
            boolean early = own.isAfter(midnight);
            rangeStarts.add(early ? midnight : own);
            rangeEnds.add(early ? own : midnight);
            moves.add(new int[] { early ? (i <= last - 1 ? i : -1) : i - 1, early ? i - 1 : (i <= last - 1 ? i : -1) });
        }
        for (Count c : hours(filter, rangeStarts, rangeEnds, withReasons)) {
            int[] move = moves.get(c.period());
            if (move[0] >= 0) {
                counts.add(new Count(move[0], c.source(), c.campaign(), c.to(), c.reason(), -c.n()));
            }
            if (move[1] >= 0) {
                counts.add(new Count(move[1], c.source(), c.campaign(), c.to(), c.reason(), c.n()));
            }
        }
        return merged(counts);
    }

    /**
     * Everybody's counts of the disjoint ranges {@code [starts(i), ends(i))} in time order, each as
     * period {@code i}: the whole hours from the hour counts in one query, the cut ones change by change.
     */
    private List<Count> hours(InsightFilter filter, List<Instant> starts, List<Instant> ends, boolean withReasons) {
        if (starts.isEmpty()) {
            return List.of();
        }
        List<Instant> whole = new ArrayList<>();
        List<Count> counts = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Instant hour = starts.get(i).truncatedTo(ChronoUnit.HOURS);
            for (; hour.isBefore(ends.get(i)); hour = hour.plus(1, ChronoUnit.HOURS)) {
                if (!hour.isBefore(starts.get(i)) && !hour.plus(1, ChronoUnit.HOURS).isAfter(ends.get(i))) {
                    whole.add(hour);
                }
                else {
                    int index = i;
                    countedOneByOne(filter, starts.get(i), ends.get(i), List.of(), null, withReasons, hour)
                            .forEach(c -> counts.add(new Count(index, c.source(), c.campaign(), c.to(), c.reason(), c.n())));
                }
            }
        }
        if (!whole.isEmpty()) {
            Map<String, Object> params = new LinkedHashMap<>();
            StringBuilder sql = counting(caseOf("hour_start", ends.subList(0, ends.size() - 1), params),
                    "insight_stage_count", withReasons).append("WHERE hour_start IN (:hours)");
            params.put("hours", whole.stream().map(Sql::utc).toList());
            narrow(sql, params, filter, null, "LOWER(source)");
            sql.append(") x GROUP BY p, source_key, campaign_id, to_stage, reason");
            counts.addAll(read(sql.toString(), params));
        }
        return counts;
    }

    private static Instant nearestMidnight(Instant at) {
        Instant day = at.truncatedTo(ChronoUnit.DAYS);
        return Duration.between(day, at).compareTo(Duration.ofHours(12)) <= 0 ? day : day.plus(1, ChronoUnit.DAYS);
    }

    /** The counts summed over each period, source (whatever its case), campaign, stage and reason; none that sum to 0. */
    private static List<Count> merged(List<Count> counts) {
        Map<List<Object>, Count> sums = new LinkedHashMap<>();
        for (Count c : counts) {
            List<Object> key = java.util.Arrays.asList(c.period(), c.source().toLowerCase(Locale.ROOT), c.campaign(),
                    c.to(), c.reason());
            sums.merge(key, c, (a, b) -> new Count(a.period(), a.source(), a.campaign(), a.to(), a.reason(), a.n() + b.n()));
        }
        return sums.values().stream().filter(c -> c.n() != 0).toList();
    }

    /** The day counts of the UTC days {@code from} up to {@code to}, in periods cut at {@code cuts}. */
    private List<Count> daily(InsightFilter filter, Instant from, Instant to, List<Instant> cuts, boolean withReasons) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = counting(caseOf("day_start", cuts, params), "insight_stage_day", withReasons)
                .append("WHERE day_start >= :from AND day_start < :to");
        params.put("from", Sql.utc(from));
        params.put("to", Sql.utc(to));
        narrow(sql, params, filter, null, "LOWER(source)");
        sql.append(") x GROUP BY p, source_key, campaign_id, to_stage, reason");
        return read(sql.toString(), params);
    }

    /** {@code SELECT p, source, ... FROM (SELECT <period> AS p, ... FROM <table>}, to go on with its conditions. */
    private static StringBuilder counting(String period, String table, boolean withReasons) {
        return new StringBuilder("SELECT p, MIN(source) AS source, campaign_id, to_stage, reason, SUM(n) AS n FROM (SELECT ")
                .append(period).append(" AS p, source, LOWER(source) AS source_key, campaign_id, to_stage, ")
                .append(withReasons ? "reason" : "''").append(" AS reason, n FROM ").append(table).append(' ');
    }

    private List<Count> read(String sql, Map<String, Object> params) {
        List<Count> counts = new ArrayList<>();
        jdbc.sql(sql).params(params).query(rs -> {
            UUID campaign = Sql.uuid(rs, "campaign_id");
            counts.add(new Count(rs.getInt("p"), rs.getString("source"), StageRollups.NONE.equals(campaign) ? null : campaign,
                    Stage.valueOf(rs.getString("to_stage")), rs.getString("reason"), rs.getLong("n")));
        });
        return counts;
    }

    /**
     * The counts of {@code [from, to)} in periods cut at {@code cuts}, from the hour counts; an hour
     * that {@code from}, {@code to} or a cut falls inside is counted from the changes themselves.
     */
    private List<Count> hourly(InsightFilter filter, Instant from, Instant to, List<Instant> cuts, Set<UUID> owners,
            boolean withReasons) {
        Set<Instant> cutHours = new TreeSet<>();
        List<Instant> edges = new ArrayList<>(cuts);
        edges.add(from);
        edges.add(to);
        for (Instant edge : edges) {
            Instant hour = edge.truncatedTo(ChronoUnit.HOURS);
            if (!hour.equals(edge)) {
                cutHours.add(hour);
            }
        }
        Instant first = from.truncatedTo(ChronoUnit.HOURS);
        Instant end = to.truncatedTo(ChronoUnit.HOURS);
        if (end.isBefore(to)) {
            end = end.plus(1, ChronoUnit.HOURS);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = counting(caseOf("hour_start", cuts, params), "insight_stage_count", withReasons)
                .append("WHERE hour_start >= :from AND hour_start < :to");
        params.put("from", Sql.utc(first));
        params.put("to", Sql.utc(end));
        if (!cutHours.isEmpty()) {
            sql.append(" AND hour_start NOT IN (:cutHours)");
            params.put("cutHours", cutHours.stream().map(Sql::utc).toList());
        }
        narrow(sql, params, filter, owners, "LOWER(source)");
        sql.append(") x GROUP BY p, source_key, campaign_id, to_stage, reason");
        List<Count> counts = read(sql.toString(), params);
        for (Instant hour : cutHours) {
            counts.addAll(countedOneByOne(filter, from, to, cuts, owners, withReasons, hour));
        }
        return counts;
    }

    /** The changes of an hour a boundary cuts, counted from the stage changes themselves. */
    private List<Count> countedOneByOne(InsightFilter filter, Instant rangeFrom, Instant rangeTo, List<Instant> cuts,
            Set<UUID> owners, boolean withReasons, Instant hour) {
        Instant from = hour.isBefore(rangeFrom) ? rangeFrom : hour;
        Instant end = hour.plus(1, ChronoUnit.HOURS);
        Instant to = end.isAfter(rangeTo) ? rangeTo : end;
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder("""
                SELECT occurred_at, to_stage, reason, source, campaign_id FROM insight_stage_change
                WHERE occurred_at >= :from AND occurred_at < :to""");
        params.put("from", Sql.utc(from));
        params.put("to", Sql.utc(to));
        narrow(sql, params, filter, owners, "LOWER(TRIM(COALESCE(source, '')))");
        List<Count> counts = new ArrayList<>();
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            Stage stage = Stage.valueOf(rs.getString("to_stage"));
            Instant at = Sql.instant(rs, "occurred_at");
            StageRollups.CountKey key = StageRollups.CountKey.of(at, stage, rs.getString("source"), null, null,
                    rs.getString("reason"));
            counts.add(new Count(index(cuts, at), key.source(), Sql.uuid(rs, "campaign_id"), stage,
                    withReasons ? key.reason() : "", 1));
        });
        return counts;
    }

    private static int index(List<Instant> cuts, Instant at) {
        int i = 0;
        while (i < cuts.size() && !at.isBefore(cuts.get(i))) {
            i++;
        }
        return i;
    }

    /** {@code CASE WHEN column < :cut0 THEN 0 ... ELSE n END}, the period's index in SQL. */
    private static String caseOf(String column, List<Instant> cuts, Map<String, Object> params) {
        if (cuts.isEmpty()) {
            return "0";
        }
        StringBuilder out = new StringBuilder("CASE");
        for (int i = 0; i < cuts.size(); i++) {
            out.append(" WHEN ").append(column).append(" < :cut").append(i).append(" THEN ").append(i);
            params.put("cut" + i, Sql.utc(cuts.get(i)));
        }
        return out.append(" ELSE ").append(cuts.size()).append(" END").toString();
    }

    /**
     * The exact median stays in the stages, of the stays that ended in the filter's days: per
     * period, source and campaign and ({@code period} -1, source and campaign null) over all.
     */
    public List<Median> medians(InsightFilter filter, Set<UUID> owners, Collection<Stage> stages) {
        if (owners != null && owners.isEmpty()) {
            return List.of();
        }
        Periods periods = Periods.of(filter);
        List<Median> medians = new ArrayList<>();
        for (boolean grouped : new boolean[] { true, false }) {
            Map<String, Object> params = new LinkedHashMap<>();
            StringBuilder sql = new StringBuilder(grouped
                    ? "SELECT p, MIN(source) AS source, campaign_id, stage, "
                    : "SELECT -1 AS p, NULL AS source, NULL AS campaign_id, stage, ")
                    .append("PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY seconds) AS median FROM (SELECT ")
                    .append(grouped ? periods.sql("left_at", params) : "0")
                    .append(" AS p, source, LOWER(source) AS source_key, campaign_id, stage, seconds FROM insight_stage_stay ")
                    .append("WHERE left_at >= :from AND left_at < :to AND stage IN (:stages)");
            params.put("from", Sql.utc(filter.start()));
            params.put("to", Sql.utc(filter.end()));
            params.put("stages", stages.stream().map(Stage::name).toList());
            narrow(sql, params, filter, owners, "LOWER(source)");
            sql.append(grouped ? ") x GROUP BY p, source_key, campaign_id, stage" : ") x GROUP BY stage");
            jdbc.sql(sql.toString()).params(params).query(rs -> {
                medians.add(new Median(rs.getInt("p"), rs.getString("source"), Sql.uuid(rs, "campaign_id"),
                        Stage.valueOf(rs.getString("stage")), rs.getDouble("median")));
            });
        }
        return medians;
    }

    /** Days from seconds, to two decimals as the tiles show them. */
    public static double days(double seconds) {
        return Math.round(seconds / Duration.ofDays(1).toSeconds() * 100) / 100.0;
    }

    /** The filter's source, campaign and owners as conditions; {@code source} the lower-cased source as SQL. */
    private static void narrow(StringBuilder sql, Map<String, Object> params, InsightFilter filter, Set<UUID> owners,
            String source) {
        if (filter.source() != null) {
            sql.append(" AND ").append(source).append(" = :source");
            params.put("source", filter.source().toLowerCase(Locale.ROOT));
        }
        if (filter.campaign() != null) {
            sql.append(" AND campaign_id = :campaign");
            params.put("campaign", filter.campaign().value());
        }
        if (owners != null) {
            sql.append(" AND owner_id IN (:owners)");
            params.put("owners", owners);
        }
    }
}
