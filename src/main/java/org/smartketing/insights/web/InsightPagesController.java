package org.smartketing.insights.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.smartketing.funnel.CampaignResults;
import org.smartketing.insights.CsvTables;
import org.smartketing.insights.InsightFilter;
import org.smartketing.insights.InsightTiles;
import org.smartketing.insights.Tile;
import org.smartketing.insights.TileKey;
import org.smartketing.insights.score.ScoreTexts;
import org.smartketing.insights.score.SmartketingScores;
import org.smartketing.shared.NotFoundException;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamDirectory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;
import java.io.IOException;
import jakarta.servlet.http.HttpServletResponse;
import org.smartketing.shared.CsvWriter;
import org.smartketing.shared.CsvDownloads;

/**
 * The dashboard: the filter (period, team, source, campaign), the smart-keting score with its
 * components and trend, and every tile as a chart with its figures; one click from a tile, the
 * table behind it, and its CSV.
 */
@Controller
class InsightPagesController {

    static final int TREND_WEEKS = 13;

    private final InsightTiles tiles;
    private final SmartketingScores scores;
    private final TeamDirectory directory;
    private final CampaignResults campaigns;
    private final JsonMapper json;
    private final Clock clock;

    InsightPagesController(InsightTiles tiles, SmartketingScores scores, TeamDirectory directory,
            CampaignResults campaigns, JsonMapper json, Clock clock) {
        this.tiles = tiles;
        this.scores = scores;
        this.directory = directory;
        this.campaigns = campaigns;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/insights")
    String dashboard(@RequestParam Map<String, String> params, @AuthenticationPrincipal SignedInPerson me,
            Locale locale, Model model) {
        InsightFilter filter = InsightFilter.parse(params, ScoreApiController.zone(me), clock);
        TileFormat format = new TileFormat(locale);
        ScoreTexts texts = new ScoreTexts(locale);
        Map<TileKey, Tile> all = tiles.tiles(filter);
        var scored = scores.score(filter, tiles.measures(all));
        List<DashboardViews.TileView> views = new ArrayList<>();
        for (TileKey key : TileKey.values()) {
            views.add(DashboardViews.TileView.of(all.get(key), format, json));
        }
        model.addAttribute("score", DashboardViews.ScoreSection.of(scored.score(), scores.trend(TREND_WEEKS, texts),
                filter, texts, format, json));
        model.addAttribute("tiles", views);
        model.addAttribute("asOf", views.stream().map(DashboardViews.TileView::freshAsOf).filter(Objects::nonNull)
                .min(Instant::compareTo).orElse(clock.instant()));
        filterModel(filter, model);
        return "insights/dashboard";
    }

    @GetMapping("/insights/{tile}")
    String tile(@PathVariable String tile, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal SignedInPerson me, Locale locale, Model model) {
        TileKey key = key(tile);
        InsightFilter filter = InsightFilter.parse(params, ScoreApiController.zone(me), clock);
        DashboardViews.TileView view = DashboardViews.TileView.of(tiles.tile(key, filter), new TileFormat(locale), json);
        model.addAttribute("tile", view);
        model.addAttribute("asOf", view.freshAsOf() == null ? clock.instant() : view.freshAsOf());
        model.addAttribute("csv", "/insights/" + key.path() + "/export" + DashboardViews.query(filter));
        filterModel(filter, model);
        return "insights/tile";
    }

    @GetMapping("/insights/{tile}/export")
    void export(@PathVariable String tile, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal SignedInPerson me, HttpServletResponse response) throws IOException {
        TileKey key = key(tile);
        InsightFilter filter = InsightFilter.parse(params, ScoreApiController.zone(me), clock);
        Tile t = tiles.tile(key, filter);
        CsvDownloads.send(response, CsvTables.fileName(t, filter), CsvTables.columns(t), CsvWriter.Rows.of(t.rows()));
    }

    private void filterModel(InsightFilter filter, Model model) {
        model.addAttribute("filter", filter);
        model.addAttribute("query", DashboardViews.query(filter));
        model.addAttribute("teams", directory.teams());
        model.addAttribute("campaigns", campaigns.campaigns());
        model.addAttribute("sourceText", filter.source() == null ? "" : filter.source().isEmpty() ? "none" : filter.source());
    }

    private static TileKey key(String path) {
        return TileKey.ofPath(path).orElseThrow(() -> new NotFoundException("Tile " + path));
    }
}
