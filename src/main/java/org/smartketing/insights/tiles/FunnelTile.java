package org.smartketing.insights.tiles;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import org.smartketing.funnel.Stage;
import org.smartketing.insights.InsightFilter;
import org.smartketing.insights.Tile;
import org.smartketing.insights.Tile.Kind;
import org.smartketing.insights.TileKey;
import org.smartketing.insights.rollups.FunnelRollups;
import org.springframework.stereotype.Component;

import static org.smartketing.insights.tiles.TileParts.col;
import static org.smartketing.insights.tiles.TileParts.headline;
import static org.smartketing.insights.tiles.TileParts.ratio;
import static org.smartketing.insights.tiles.TileParts.text;

/**
 * Funnel conversion and velocity, from insights' stage change rollup. An entry is a lead entering
 * a stage on one of the days (a lead back in MQL counts again). A stage's conversion is the
 * entries into the next stage of the way through ÷ its own entries over the same days and group;
 * its drop-off the difference; its velocity the median days leads spent in it before leaving it on
 * those days. Rows by period (days, weeks or months of the viewer's zone), source, campaign, stage.
 * Read from the pre-aggregated counts and stays ({@link StageFigures}), never change by change.
 */
@Component
class FunnelTile implements TileSource {

    private static final List<Stage> WAY = List.of(Stage.NEW, Stage.MQL, Stage.SAL, Stage.SQL, Stage.OPPORTUNITY,
            Stage.CUSTOMER);

    private final StageFigures figures;
    private final TileParts parts;
    private final FunnelRollups rollups;
    private final Clock clock;

    FunnelTile(StageFigures figures, TileParts parts, FunnelRollups rollups, Clock clock) {
        this.figures = figures;
        this.parts = parts;
        this.rollups = rollups;
        this.clock = clock;
    }

    @Override
    public TileKey key() {
        return TileKey.FUNNEL;
    }

    private record Group(LocalDate period, String source, UUID campaign) implements Comparable<Group> {

        @Override
        public int compareTo(Group o) {
            int c = period.compareTo(o.period);
            if (c != 0) {
                return c;
            }
            c = source.compareToIgnoreCase(o.source);
            return c != 0 ? c : String.valueOf(campaign).compareTo(String.valueOf(o.campaign));
        }
    }

    private static final class Tally {
        final long[] entries = new long[WAY.size()];
        final Double[] days = new Double[WAY.size()];
    }

    @Override
    public Tile tile(InsightFilter filter) {
        java.util.Set<UUID> owners = parts.ids(parts.people(filter));
        StageFigures.Periods periods = figures.periods(filter);
        Map<UUID, String> names = parts.campaignNames();
        Tally all = new Tally();
        Map<Group, Tally> groups = new TreeMap<>();
        for (StageFigures.Count c : figures.counts(filter, owners, false)) {
            Tally t = groups.computeIfAbsent(new Group(periods.starts().get(c.period()), TileParts.source(c.source()),
                    c.campaign()), g -> new Tally());
            int to = WAY.indexOf(c.to());
            if (to >= 0) {
                t.entries[to] += c.n();
                all.entries[to] += c.n();
            }
        }
        for (StageFigures.Median m : figures.medians(filter, owners, WAY)) {
            Tally t = m.period() < 0 ? all : groups.computeIfAbsent(new Group(periods.starts().get(m.period()),
                    TileParts.source(m.source()), m.campaign()), g -> new Tally());
            t.days[WAY.indexOf(m.stage())] = StageFigures.days(m.seconds());
        }
        List<List<Object>> table = new ArrayList<>();
        groups.forEach((g, t) -> {
            for (int i = 0; i < WAY.size(); i++) {
                long next = i + 1 < WAY.size() ? t.entries[i + 1] : 0;
                if (t.entries[i] == 0 && next == 0 && t.days[i] == null) {
                    continue;
                }
                table.add(java.util.Arrays.asList(g.period(), g.source(), TileParts.campaign(names, g.campaign()),
                        WAY.get(i).label(), t.entries[i], i + 1 < WAY.size() ? next : null,
                        i + 1 < WAY.size() ? ratio(next, t.entries[i]) : null,
                        i + 1 < WAY.size() ? t.entries[i] - next : null, t.days[i]));
            }
        });
        int mql = WAY.indexOf(Stage.MQL);
        int sql = WAY.indexOf(Stage.SQL);
        int customer = WAY.indexOf(Stage.CUSTOMER);
        List<Tile.Headline> headlines = List.of(
                headline("mqls", "Became marketing-qualified", all.entries[mql], Kind.COUNT),
                headline("sqls", "Became sales-qualified", all.entries[sql], Kind.COUNT),
                headline("customers", "Became customers", all.entries[customer], Kind.COUNT),
                headline("mql_to_sql", "Marketing-qualified to sales-qualified", ratio(all.entries[sql], all.entries[mql]),
                        Kind.PERCENT),
                headline("mql_days", "Median days as marketing-qualified", all.days[mql],
                        Kind.DAYS));
        List<Tile.Series> series = List.of(
                new Tile.Series("Entries", java.util.Arrays.stream(all.entries).mapToObj(n -> (double) n).toList()),
                new Tile.Series("Median days in stage",
                        java.util.Arrays.asList(all.days)));
        return new Tile(key(), key().title(), Objects.requireNonNullElse(rollups.lastTaken(), clock.instant()), headlines,
                List.of(col("period", "Period from", Kind.DATE), text("source", "Source"), text("campaign", "Campaign"),
                        text("stage", "Stage"), col("entries", "Entered", Kind.COUNT),
                        col("next_entries", "Entered the next stage", Kind.COUNT),
                        col("conversion", "Conversion to the next stage", Kind.PERCENT),
                        col("drop_off", "Drop-off", Kind.COUNT), col("median_days", "Median days in stage", Kind.DAYS)),
                table, new Tile.ChartData("funnel", WAY.stream().map(Stage::label).toList(), series),
                List.of("An entry is a lead entering a stage on the days (a lead back in a stage counts again); "
                        + "conversion is the next stage's entries over the stage's own on the same days.",
                        "Source, campaign and owner are the lead's at the moment of the change; a team filter counts "
                                + "changes of leads its people owned then."));
    }
}
