package org.smartketing.insights.tiles;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.smartketing.insights.InsightFilter;
import org.smartketing.insights.Tile;
import org.smartketing.insights.Tile.Kind;
import org.smartketing.insights.TileKey;
import org.smartketing.meetings.FollowThrough;
import org.smartketing.team.PersonId;
import org.springframework.stereotype.Component;

import static org.smartketing.insights.tiles.TileParts.col;
import static org.smartketing.insights.tiles.TileParts.headline;
import static org.smartketing.insights.tiles.TileParts.ratio;
import static org.smartketing.insights.tiles.TileParts.text;

/**
 * Meeting follow-through ({@link FollowThrough}): of the committed action items promised for the
 * days (UTC dates) that are due or closed, how many each owner did on time, late, not yet, or
 * dropped. The rate is done on time ÷ committed.
 */
@Component
class FollowThroughTile implements TileSource {

    private final FollowThrough followThrough;
    private final TileParts parts;
    private final Clock clock;

    FollowThroughTile(FollowThrough followThrough, TileParts parts, Clock clock) {
        this.followThrough = followThrough;
        this.parts = parts;
        this.clock = clock;
    }

    @Override
    public TileKey key() {
        return TileKey.FOLLOW_THROUGH;
    }

    @Override
    public Tile tile(InsightFilter filter) {
        Set<PersonId> people = parts.people(filter);
        List<FollowThrough.Rate> rates = followThrough.byPerson(filter.from(), filter.to().plusDays(1)).stream()
                .filter(r -> people == null || people.contains(new PersonId(r.id()))).toList();
        long committed = 0;
        long onTime = 0;
        long late = 0;
        long notDone = 0;
        long dropped = 0;
        List<List<Object>> table = new ArrayList<>();
        for (FollowThrough.Rate r : rates) {
            committed += r.committed();
            onTime += r.doneOnTime();
            late += r.doneLate();
            notDone += r.notDone();
            dropped += r.dropped();
            table.add(Arrays.asList(r.name(), (long) r.committed(), (long) r.doneOnTime(), (long) r.doneLate(),
                    (long) r.notDone(), (long) r.dropped(), r.rate()));
        }
        return new Tile(key(), key().title(), clock.instant(),
                List.of(headline("rate", "Done on time", ratio(onTime, committed), Kind.PERCENT),
                        headline("committed", "Committed and due", committed, Kind.COUNT),
                        headline("not_done", "Not done yet", notDone, Kind.COUNT)),
                List.of(text("owner", "Owner"), col("committed", "Committed and due", Kind.COUNT),
                        col("on_time", "Done on time", Kind.COUNT), col("late", "Done late", Kind.COUNT),
                        col("not_done", "Not done yet", Kind.COUNT), col("dropped", "Dropped", Kind.COUNT),
                        col("rate", "Done on time", Kind.PERCENT)),
                table, new Tile.ChartData("bar", List.of("Done on time", "Done late", "Not done yet", "Dropped"),
                        List.of(new Tile.Series("Action items",
                                List.of((double) onTime, (double) late, (double) notDone, (double) dropped)))),
                List.of("Items count by the date promised in the meeting (UTC days); items not yet due and open are not judged."));
    }
}
