package org.smartketing.insights;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.smartketing.funnel.CampaignResults;
import org.smartketing.insights.InsightMeasures.Measure;
import org.smartketing.insights.tiles.TileSource;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.team.TeamDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's tiles and the measures a score is built from. Every figure equals a direct count
 * over the same data (the tests recount them); the funnel, SLA and rejection tiles are read from
 * insights' own rollups, the others from the parts' read faces.
 */
@Service
@Transactional(readOnly = true)
public class InsightTiles {

    private final Map<TileKey, TileSource> sources = new EnumMap<>(TileKey.class);
    private final TeamDirectory directory;
    private final CampaignResults campaigns;

    InsightTiles(List<TileSource> sources, TeamDirectory directory, CampaignResults campaigns) {
        sources.forEach(s -> this.sources.put(s.key(), s));
        this.directory = directory;
        this.campaigns = campaigns;
    }

    /**
     * One tile over the filter.
     *
     * @throws InvalidFieldException naming {@code team} or {@code campaign} when there is no such one
     */
    public Tile tile(TileKey key, InsightFilter filter) {
        check(filter);
        TileSource source = sources.get(key);
        if (source == null) {
            throw new IllegalStateException("no tile source for " + key);
        }
        return source.tile(filter);
    }

    /** Every tile over the filter, for a page that shows them all and scores them too. */
    public Map<TileKey, Tile> tiles(InsightFilter filter) {
        check(filter);
        Map<TileKey, Tile> tiles = new EnumMap<>(TileKey.class);
        sources.forEach((key, source) -> tiles.put(key, source.tile(filter)));
        return tiles;
    }

    /** The measured values over the filter, each read from the headline of its tile ({@link Measure#link()}). */
    public InsightMeasures measures(InsightFilter filter) {
        check(filter);
        Map<TileKey, Tile> tiles = new EnumMap<>(TileKey.class);
        return measures(key -> tiles.computeIfAbsent(key, k -> sources.get(k).tile(filter)));
    }

    /** The measured values read from tiles already computed ({@link #tiles}), not computing them again. */
    public InsightMeasures measures(Map<TileKey, Tile> computed) {
        return measures(computed::get);
    }

    private InsightMeasures measures(java.util.function.Function<TileKey, Tile> tileOf) {
        Map<Measure, Double> values = new EnumMap<>(Measure.class);
        for (Measure m : Measure.values()) {
            TileKey key = m.link().tile();
            if (!sources.containsKey(key)) {
                continue;
            }
            Tile tile = tileOf.apply(key);
            values.put(m, tile.headline(m.link().headline()).map(Tile.Headline::value).orElse(null));
        }
        Double urgent = values.get(Measure.URGENT_NEVER_ACKNOWLEDGED);
        return new InsightMeasures(values.get(Measure.SLA_WITHIN_SHARE), values.get(Measure.SPEED_TO_LEAD_MEDIAN_HOURS),
                values.get(Measure.SPEED_TO_LEAD_P90_HOURS), values.get(Measure.MQL_TO_SQL_CONVERSION),
                values.get(Measure.REJECTION_RATE), values.get(Measure.FOLLOW_THROUGH_RATE),
                values.get(Measure.ACKNOWLEDGED_WITHIN_PROMISE_SHARE), urgent == null ? null : Math.round(urgent),
                values.get(Measure.GOAL_PACE), values.get(Measure.CROSS_TRAINING_COVERAGE));
    }

    private void check(InsightFilter filter) {
        if (filter.team() != null && directory.teamName(filter.team()).isEmpty()) {
            throw new InvalidFieldException("team", "is not a team of ours");
        }
        if (filter.campaign() != null && !campaigns.exists(filter.campaign())) {
            throw new InvalidFieldException("campaign", "is not a campaign of ours");
        }
    }
}
