package org.smartketing.insights.tiles;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.smartketing.comms.Responsiveness;
import org.smartketing.insights.InsightFilter;
import org.smartketing.insights.Tile;
import org.smartketing.insights.Tile.Kind;
import org.smartketing.insights.TileKey;
import org.smartketing.team.PersonId;
import org.springframework.stereotype.Component;

import static org.smartketing.insights.tiles.TileParts.col;
import static org.smartketing.insights.tiles.TileParts.headline;
import static org.smartketing.insights.tiles.TileParts.ratio;
import static org.smartketing.insights.tiles.TileParts.text;

/**
 * Communication responsiveness ({@link Responsiveness}): per person, of the URGENT and NORMAL
 * messages sent to them on the days, how many they acknowledged within the time they promised,
 * and the URGENT ones never acknowledged. The share kept is kept ÷ (kept + broken), over promises
 * already decided.
 */
@Component
class ResponsivenessTile implements TileSource {

    private final Responsiveness responsiveness;
    private final TileParts parts;
    private final Clock clock;

    ResponsivenessTile(Responsiveness responsiveness, TileParts parts, Clock clock) {
        this.responsiveness = responsiveness;
        this.parts = parts;
        this.clock = clock;
    }

    @Override
    public TileKey key() {
        return TileKey.RESPONSIVENESS;
    }

    @Override
    public Tile tile(InsightFilter filter) {
        Set<PersonId> people = parts.people(filter);
        List<Responsiveness.Figures> figures = responsiveness.byPerson(filter.start(), filter.end()).stream()
                .filter(f -> people == null || people.contains(f.person())).toList();
        long kept = 0;
        long broken = 0;
        long never = 0;
        long messages = 0;
        List<List<Object>> table = new ArrayList<>();
        for (Responsiveness.Figures f : figures) {
            kept += f.kept();
            broken += f.broken();
            never += f.urgentNeverAcknowledged();
            messages += f.messages();
            table.add(Arrays.asList(f.name(), f.department() == null ? null : f.department().label(), (long) f.messages(),
                    (long) f.acknowledged(), (long) f.kept(), (long) f.broken(), ratio(f.kept(), f.kept() + f.broken()),
                    hours(f.medianMinutes()), hours(f.p90Minutes()), (long) f.urgentNeverAcknowledged()));
        }
        return new Tile(key(), key().title(), clock.instant(),
                List.of(headline("share_kept", "Acknowledged within the promise", ratio(kept, kept + broken), Kind.PERCENT),
                        headline("urgent_never", "Urgent, never acknowledged", never, Kind.COUNT),
                        headline("messages", "Messages", messages, Kind.COUNT)),
                List.of(text("person", "Person"), text("department", "Department"), col("messages", "Messages", Kind.COUNT),
                        col("acknowledged", "Acknowledged", Kind.COUNT), col("kept", "Within the promise", Kind.COUNT),
                        col("broken", "Promise broken", Kind.COUNT), col("share_kept", "Share within", Kind.PERCENT),
                        col("median_hours", "Median hours to acknowledge", Kind.HOURS),
                        col("p90_hours", "90th percentile hours", Kind.HOURS),
                        col("urgent_never", "Urgent, never acknowledged", Kind.COUNT)),
                table, new Tile.ChartData("bar", figures.stream().map(Responsiveness.Figures::name).toList(),
                        List.of(new Tile.Series("Within the promise", figures.stream().map(f -> (double) f.kept()).toList()),
                                new Tile.Series("Promise broken", figures.stream().map(f -> (double) f.broken()).toList()))),
                List.of("Messages count on the day they were sent; source and campaign filters do not apply."));
    }

    private static Double hours(Long minutes) {
        return minutes == null ? null : Math.round(minutes / 60.0 * 100) / 100.0;
    }
}
