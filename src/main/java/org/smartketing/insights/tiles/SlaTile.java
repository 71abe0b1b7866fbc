package org.smartketing.insights.tiles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.smartketing.funnel.FunnelFigures;
import org.smartketing.funnel.FunnelFigures.SlaQuery;
import org.smartketing.funnel.FunnelFigures.SlaRun;
import org.smartketing.funnel.Grouping;
import org.smartketing.funnel.Stage;
import org.smartketing.funnel.TimeRange;
import org.smartketing.insights.InsightFilter;
import org.smartketing.insights.Tile;
import org.smartketing.insights.Tile.Kind;
import org.smartketing.insights.TileKey;
import org.smartketing.insights.rollups.FunnelRollups;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static org.smartketing.insights.tiles.TileParts.col;
import static org.smartketing.insights.tiles.TileParts.headline;
import static org.smartketing.insights.tiles.TileParts.percentile;
import static org.smartketing.insights.tiles.TileParts.ratio;
import static org.smartketing.insights.tiles.TileParts.text;

/**
 * Handoff SLA adherence over the handoff clocks that started on the filter's days, judged as the
 * funnel's SLA report judges them ({@link FunnelFigures#slaRuns}): speed to lead (working hours
 * to first contact, median and p90), the share within the SLA (of both clocks' decided runs) and
 * the breaches. The delay is split into the system's part, the wall-clock hours from a lead
 * becoming marketing-qualified to its routing to an owner (from insights' rollups), and the
 * person's, the owner's working hours to accept.
 */
@Component
class SlaTile implements TileSource {

    private final FunnelFigures figures;
    private final TileParts parts;
    private final JdbcClient jdbc;
    private final FunnelRollups rollups;
    private final Clock clock;

    SlaTile(FunnelFigures figures, TileParts parts, JdbcClient jdbc, FunnelRollups rollups, Clock clock) {
        this.figures = figures;
        this.parts = parts;
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.clock = clock;
    }

    @Override
    public TileKey key() {
        return TileKey.SLA;
    }

    @Override
    public Tile tile(InsightFilter filter) {
        Set<PersonId> people = parts.people(filter);
        List<SlaRun> runs = people != null && people.isEmpty() ? List.of()
                : figures.slaRuns(new SlaQuery(new TimeRange(filter.start(), filter.end()), Grouping.WHOLE,
                        filter.zone(), people == null ? Set.of() : people));
        if (filter.source() != null || filter.campaign() != null) {
            Set<UUID> leads = leadsOf(filter, runs);
            runs = runs.stream().filter(r -> leads.contains(r.lead().value())).toList();
        }
        Map<PersonId, PersonSummary> known = parts.directory(runs.stream().map(SlaRun::owner).toList());
        Map<String, List<SlaRun>> byOwnerClock = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (SlaRun r : runs) {
            byOwnerClock.computeIfAbsent(parts.name(known, r.owner().value()) + "\u0000" + r.owner() + "\u0000" + r.clock(),
                    k -> new ArrayList<>()).add(r);
        }
        List<List<Object>> table = new ArrayList<>();
        byOwnerClock.forEach((k, list) -> {
            String[] key = k.split("\u0000");
            Figures f = Figures.of(list);
            table.add(Arrays.asList(key[0], "ACCEPT".equals(key[2]) ? "Accept or reject" : "First contact",
                    (long) list.size(), f.completed, f.median, f.p90, f.within, f.breaches, f.share));
        });
        Figures contact = Figures.of(runs.stream().filter(r -> "FIRST_CONTACT".equals(r.clock())).toList());
        Figures accept = Figures.of(runs.stream().filter(r -> "ACCEPT".equals(r.clock())).toList());
        Figures both = Figures.of(runs);
        List<Double> systemWait = systemWait(runs.stream().filter(r -> "ACCEPT".equals(r.clock())).toList());
        return new Tile(key(), key().title(), Objects.requireNonNullElse(rollups.lastTaken(), clock.instant()),
                List.of(headline("median_hours", "Speed to lead, median (working hours)", contact.median, Kind.HOURS),
                        headline("p90_hours", "Speed to lead, 90th percentile (working hours)", contact.p90, Kind.HOURS),
                        headline("within_sla", "Within the SLA", both.share, Kind.PERCENT),
                        headline("breaches", "Breaches", both.breaches, Kind.COUNT),
                        headline("system_hours", "Waiting for routing, median (hours)", percentile(systemWait, 0.5),
                                Kind.HOURS),
                        headline("person_hours", "Owner's time to accept, median (working hours)", accept.median,
                                Kind.HOURS)),
                List.of(text("owner", "Owner"), text("clock", "Clock"), col("runs", "Handoffs", Kind.COUNT),
                        col("completed", "Completed", Kind.COUNT), col("median_hours", "Median working hours", Kind.HOURS),
                        col("p90_hours", "90th percentile working hours", Kind.HOURS),
                        col("within", "Within the SLA", Kind.COUNT), col("breaches", "Breaches", Kind.COUNT),
                        col("share_within", "Share within the SLA", Kind.PERCENT)),
                table,
                new Tile.ChartData("bar", List.of("System: waiting for routing", "Person: time to accept",
                        "Person: time to first contact"),
                        List.of(new Tile.Series("Median hours", Arrays.asList(percentile(systemWait, 0.5), accept.median,
                                contact.median)),
                                new Tile.Series("90th percentile hours", Arrays.asList(percentile(systemWait, 0.9),
                                        accept.p90, contact.p90)))),
                List.of("Handoffs count on the day their clock started; times are the owner's working hours, "
                        + "as in the SLA report.",
                        "The system's part is the wall-clock time from becoming marketing-qualified to being routed "
                                + "(no rep available, routing failed); the person's part starts at the routing."));
    }

    private record Figures(long completed, Double median, Double p90, long within, long breaches, Double share) {

        static Figures of(List<SlaRun> runs) {
            List<Double> hours = runs.stream().filter(SlaRun::completed).map(SlaRun::workingHours).sorted().toList();
            long within = runs.stream().filter(r -> r.completed() && !r.breached()).count();
            long decided = runs.stream().filter(SlaRun::decided).count();
            return new Figures(hours.size(), percentile(hours, 0.5), percentile(hours, 0.9), within,
                    runs.stream().filter(SlaRun::breached).count(), ratio(within, decided));
        }
    }

    /** Hours from the lead's latest entry into MQL (in the rollup) to each accept clock's start. */
    private List<Double> systemWait(List<SlaRun> accepts) {
        if (accepts.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Instant>> mqlAt = new LinkedHashMap<>();
        List<UUID> leads = accepts.stream().map(r -> r.lead().value()).distinct().toList();
        for (int i = 0; i < leads.size(); i += 500) {
            jdbc.sql("SELECT lead_id, occurred_at FROM insight_stage_change WHERE to_stage = :stage AND lead_id IN (:leads)")
                    .param("stage", Stage.MQL.name()).param("leads", leads.subList(i, Math.min(leads.size(), i + 500)))
                    .query(rs -> {
                        mqlAt.computeIfAbsent(org.smartketing.shared.Sql.uuid(rs, "lead_id"), k -> new ArrayList<>())
                                .add(org.smartketing.shared.Sql.instant(rs, "occurred_at"));
                    });
        }
        List<Double> waits = new ArrayList<>();
        for (SlaRun r : accepts) {
            mqlAt.getOrDefault(r.lead().value(), List.of()).stream().filter(t -> !t.isAfter(r.startedAt()))
                    .max(Instant::compareTo)
                    .ifPresent(t -> waits.add(Duration.between(t, r.startedAt()).toMillis() / 3_600_000.0));
        }
        return waits;
    }

    /** The leads of the runs whose source and campaign (at any of their changes in the rollup) pass the filter. */
    private Set<UUID> leadsOf(InsightFilter filter, List<SlaRun> runs) {
        Set<UUID> passing = new HashSet<>();
        List<UUID> leads = runs.stream().map(r -> r.lead().value()).distinct().toList();
        for (int i = 0; i < leads.size(); i += 500) {
            jdbc.sql("SELECT DISTINCT lead_id, source, campaign_id FROM insight_stage_change WHERE lead_id IN (:leads)")
                    .param("leads", leads.subList(i, Math.min(leads.size(), i + 500)))
                    .query(rs -> {
                        UUID campaign = org.smartketing.shared.Sql.uuid(rs, "campaign_id");
                        if (filter.admitsSource(rs.getString("source"))
                                && (filter.campaign() == null || filter.campaign().value().equals(campaign))) {
                            passing.add(org.smartketing.shared.Sql.uuid(rs, "lead_id"));
                        }
                    });
        }
        return passing;
    }
}
