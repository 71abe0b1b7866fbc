package org.smartketing.insights.tiles;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.smartketing.crosstraining.CrossTrainingFigures;
import org.smartketing.crosstraining.CrossTrainingFigures.DepartmentEffect;
import org.smartketing.crosstraining.CrossTrainingFigures.Figures;
import org.smartketing.crosstraining.CrossTrainingFigures.RoleCoverage;
import org.smartketing.insights.InsightFilter;
import org.smartketing.insights.Tile;
import org.smartketing.insights.Tile.Kind;
import org.smartketing.insights.TileKey;
import org.smartketing.team.Department;
import org.springframework.stereotype.Component;

import static org.smartketing.insights.tiles.TileParts.col;
import static org.smartketing.insights.tiles.TileParts.headline;
import static org.smartketing.insights.tiles.TileParts.text;

/**
 * Cross-training coverage now (each role, how many of the other department have seen it), the
 * sessions held so far (the face counts every one, not the days') and the measured effect on
 * handoff quality over the days ({@link CrossTrainingFigures}).
 */
@Component
class CrossTrainingTile implements TileSource {

    private final CrossTrainingFigures figures;
    private final Clock clock;

    CrossTrainingTile(CrossTrainingFigures figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    @Override
    public TileKey key() {
        return TileKey.CROSS_TRAINING;
    }

    @Override
    public Tile tile(InsightFilter filter) {
        Figures f = figures.over(filter.from(), filter.to().plusDays(1));
        List<List<Object>> table = new ArrayList<>();
        for (RoleCoverage r : f.roles()) {
            table.add(Arrays.asList(r.department().label(), r.role(), (long) r.people(), (long) r.seenBy(),
                    (long) r.hosts(), (long) r.target(), r.meetsTarget() ? "Yes" : "No"));
        }
        DepartmentEffect marketing = effect(f, Department.MARKETING);
        DepartmentEffect sales = effect(f, Department.SALES);
        List<String> notes = new ArrayList<>();
        f.effects().forEach(e -> notes.add(e.department().label() + ": " + e.verdict()));
        notes.add("Coverage and the sessions held are as they stand now, whatever the days; the effect compares the "
                + "chosen days (UTC). Team, source and campaign filters do not apply.");
        return new Tile(key(), key().title(), clock.instant(),
                List.of(headline("coverage", "Coverage", f.coverage(), Kind.PERCENT),
                        headline("sessions", "Sessions held so far", (long) f.sessionsHeld(), Kind.COUNT),
                        headline("marketing_effect", "Rejection rate change for marketers who took part",
                                marketing == null || !marketing.enough() ? null : marketing.difference(), Kind.PERCENT),
                        headline("sales_effect", "Hours-to-accept change for reps who took part",
                                sales == null || !sales.enough() ? null : sales.difference(), Kind.HOURS)),
                List.of(text("department", "Department"), text("role", "Role"), col("people", "People", Kind.COUNT),
                        col("seen_by", "Seen by the other department", Kind.COUNT), col("hosts", "Hosted", Kind.COUNT),
                        col("target", "Target", Kind.COUNT), text("meets", "Meets the target")),
                table, new Tile.ChartData("bar", f.roles().stream().map(RoleCoverage::role).toList(),
                        List.of(new Tile.Series("Seen by", f.roles().stream().map(r -> (double) r.seenBy()).toList()),
                                new Tile.Series("Target", f.roles().stream().map(r -> (double) r.target()).toList()))),
                notes);
    }

    private static DepartmentEffect effect(Figures f, Department d) {
        return f.effects().stream().filter(e -> e.department() == d).findFirst().orElse(null);
    }
}
