package org.smartketing.insights.tiles;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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
 * Rejection and recycle reasons by campaign and source, from the stage change rollup: leads sales
 * rejected or sent back to nurture on the days, with the reason given (pre-aggregated counts,
 * {@link StageFigures}). The rejection rate is the
 * rejections ÷ the entries into MQL on the same days (and filter).
 */
@Component
class RejectionsTile implements TileSource {

    private final StageFigures figures;
    private final TileParts parts;
    private final FunnelRollups rollups;
    private final Clock clock;

    RejectionsTile(StageFigures figures, TileParts parts, FunnelRollups rollups, Clock clock) {
        this.figures = figures;
        this.parts = parts;
        this.rollups = rollups;
        this.clock = clock;
    }

    @Override
    public TileKey key() {
        return TileKey.REJECTIONS;
    }

    private record Key(String stage, String reason, String campaign, String source) implements Comparable<Key> {

        @Override
        public int compareTo(Key o) {
            return java.util.Comparator.comparing(Key::stage).thenComparing(Key::reason, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(Key::campaign, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(Key::source, String.CASE_INSENSITIVE_ORDER).compare(this, o);
        }
    }

    @Override
    public Tile tile(InsightFilter filter) {
        List<StageFigures.Count> rows = figures.counts(filter, parts.ids(parts.people(filter)), true);
        Map<java.util.UUID, String> names = parts.campaignNames();
        long mqls = total(rows, Stage.MQL);
        long rejected = total(rows, Stage.REJECTED);
        long recycled = total(rows, Stage.RECYCLED);
        Map<Key, Long> counts = new TreeMap<>();
        Map<String, Long> byReason = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (StageFigures.Count r : rows) {
            if (r.to() != Stage.REJECTED && r.to() != Stage.RECYCLED) {
                continue;
            }
            String reason = r.reason() == null || r.reason().isBlank() ? "(no reason given)" : r.reason().strip();
            counts.merge(new Key(r.to().label(), reason, TileParts.campaign(names, r.campaign()),
                    TileParts.source(r.source())), r.n(), Long::sum);
            byReason.merge(reason, r.n(), Long::sum);
        }
        List<List<Object>> table = new ArrayList<>();
        counts.forEach((k, n) -> table.add(List.of(k.stage(), k.reason(), k.campaign(), k.source(), n)));
        List<String> reasons = new ArrayList<>(byReason.keySet());
        return new Tile(key(), key().title(), Objects.requireNonNullElse(rollups.lastTaken(), clock.instant()),
                List.of(headline("rejected", "Rejected by sales", rejected, Kind.COUNT),
                        headline("recycled", "Recycled to nurture", recycled, Kind.COUNT),
                        headline("mqls", "Became marketing-qualified", mqls, Kind.COUNT),
                        headline("rejection_rate", "Rejected for each marketing-qualified lead", ratio(rejected, mqls),
                                Kind.PERCENT)),
                List.of(text("stage", "Moved to"), text("reason", "Reason"), text("campaign", "Campaign"),
                        text("source", "Source"), col("leads", "Leads", Kind.COUNT)),
                table, new Tile.ChartData("bar", reasons,
                        List.of(new Tile.Series("Leads", reasons.stream().map(r -> (double) byReason.get(r)).toList()))),
                List.of("The rejection rate is the rejections over the leads that became marketing-qualified on the same days."));
    }

    private static long total(List<StageFigures.Count> rows, Stage stage) {
        return rows.stream().filter(r -> r.to() == stage).mapToLong(StageFigures.Count::n).sum();
    }
}
