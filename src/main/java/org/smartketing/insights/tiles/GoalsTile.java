package org.smartketing.insights.tiles;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.smartketing.goals.GoalStandings;
import org.smartketing.goals.GoalStandings.Standing;
import org.smartketing.insights.InsightFilter;
import org.smartketing.insights.Tile;
import org.smartketing.insights.Tile.Kind;
import org.smartketing.insights.TileKey;
import org.smartketing.team.TeamDirectory;
import org.smartketing.team.TeamId;
import org.springframework.stereotype.Component;

import static org.smartketing.insights.tiles.TileParts.col;
import static org.smartketing.insights.tiles.TileParts.headline;
import static org.smartketing.insights.tiles.TileParts.text;

/**
 * Goal progress and pace ({@link GoalStandings}): each goal running on some of the days, its
 * outcome now against its plan to date. The pace headline is the average of the goals' own paces
 * (actual ÷ planned to date) over those with something due, so goals in different units weigh alike.
 */
@Component
class GoalsTile implements TileSource {

    private final GoalStandings standings;
    private final TeamDirectory directory;
    private final Clock clock;

    GoalsTile(GoalStandings standings, TeamDirectory directory, Clock clock) {
        this.standings = standings;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public TileKey key() {
        return TileKey.GOALS;
    }

    @Override
    public Tile tile(InsightFilter filter) {
        List<Standing> goals = standings.overlapping(filter.team(), filter.from(), filter.to());
        Map<TeamId, String> teams = directory.teamNames();
        List<List<Object>> table = new ArrayList<>();
        for (Standing g : goals) {
            table.add(Arrays.asList(g.title(), teams.getOrDefault(g.team(), "(unknown team)"), g.startsOn(), g.endsOn(),
                    g.measure(), g.target(), g.actual(), g.plannedToDate(), g.pace(), g.status(), g.forecast()));
        }
        List<Double> paces = goals.stream().map(Standing::pace).filter(Objects::nonNull).toList();
        Double pace = paces.isEmpty() ? null : paces.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        long onTrack = goals.stream().filter(g -> "On track".equals(g.status())).count();
        return new Tile(key(), key().title(), clock.instant(),
                List.of(headline("pace", "Pace against plan, average", pace, Kind.PERCENT),
                        headline("goals", "Goals", (long) goals.size(), Kind.COUNT),
                        headline("on_track", "On track", onTrack, Kind.COUNT)),
                List.of(text("goal", "Goal"), text("team", "Team"), col("starts", "Starts", Kind.DATE),
                        col("ends", "Ends", Kind.DATE), text("measure", "Counts"), col("target", "Target", Kind.COUNT),
                        col("actual", "So far", Kind.COUNT), col("planned", "Planned by now", Kind.COUNT),
                        col("pace", "Pace", Kind.PERCENT), text("status", "Standing"),
                        col("forecast", "Forecast", Kind.COUNT)),
                table, new Tile.ChartData("bar", goals.stream().map(Standing::title).toList(),
                        List.of(new Tile.Series("So far", goals.stream().map(Standing::actual).toList()),
                                new Tile.Series("Planned by now", goals.stream().map(Standing::plannedToDate).toList()))),
                List.of("Each goal's standing now; the days choose which goals, the source and campaign filters do not apply."));
    }
}
