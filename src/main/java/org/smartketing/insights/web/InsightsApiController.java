package org.smartketing.insights.web;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.smartketing.insights.CsvTables;
import org.smartketing.insights.InsightFilter;
import org.smartketing.insights.InsightTiles;
import org.smartketing.insights.Tile;
import org.smartketing.insights.TileKey;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.TimeZones;
import org.smartketing.team.SignedInPerson;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import java.io.IOException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.smartketing.shared.CsvWriter;
import org.smartketing.shared.CsvDownloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The dashboard's tiles over JSON, each also as CSV ({@code Accept: text/csv} or {@code ?format=csv}):
 * {@code GET /api/v1/insights/{tile}?from=&to=&team=&source=&campaign=&zone=}. Managers and admins
 * (see the part's door rules).
 */
@RestController
@Tag(name = "Dashboard")
@RequestMapping("/api/v1/insights")
class InsightsApiController {

    private final InsightTiles tiles;
    private final Clock clock;

    InsightsApiController(InsightTiles tiles, Clock clock) {
        this.tiles = tiles;
        this.clock = clock;
    }

    /** One mapping per tile, so each is a plain path (for the door rules and the OpenAPI document). */
    @Operation(operationId = "getDashboardTile", summary = "A dashboard tile's figures over a filter (from, to, team, source, campaign)")
    @GetMapping({ "/funnel", "/sla", "/rejections", "/closed-loop", "/follow-through", "/goals", "/cross-training",
            "/responsiveness" })
    Tile tile(HttpServletRequest request, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal SignedInPerson me) {
        return tiles.tile(key(request), filter(params, me));
    }

    /** The tile's table as CSV ({@code Accept: text/csv} or {@code ?format=csv}). */
    @GetMapping(path = { "/funnel", "/sla", "/rejections", "/closed-loop", "/follow-through", "/goals",
            "/cross-training", "/responsiveness" }, produces = CsvDownloads.TEXT_CSV)
    void tileCsv(HttpServletRequest request, @RequestParam Map<String, String> params,
            @AuthenticationPrincipal SignedInPerson me, HttpServletResponse response) throws IOException {
        InsightFilter filter = filter(params, me);
        Tile result = tiles.tile(key(request), filter);
        CsvDownloads.send(response, CsvTables.fileName(result, filter), CsvTables.columns(result),
                CsvWriter.Rows.of(result.rows()));
    }

    private static TileKey key(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return TileKey.ofPath(uri.substring(uri.lastIndexOf('/') + 1)).orElseThrow(() -> new NotFoundException("no such tile"));
    }

    private InsightFilter filter(Map<String, String> params, SignedInPerson me) {
        return InsightFilter.parse(params, zone(params.get("zone"), me), clock);
    }

    private static ZoneId zone(String text, SignedInPerson me) {
        if (text != null && !text.isBlank()) {
            return TimeZones.of("zone", text);
        }
        return me == null || me.zone() == null ? ZoneOffset.UTC : me.zone();
    }
}
