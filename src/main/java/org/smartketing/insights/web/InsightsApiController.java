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
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.TimeZones;
import org.smartketing.team.SignedInPerson;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's tiles over JSON, each also as CSV ({@code Accept: text/csv} or {@code ?format=csv}):
 * {@code GET /api/v1/insights/{tile}?from=&to=&team=&source=&campaign=&zone=}. Managers and admins
 * (see the part's door rules).
 */
@RestController
@RequestMapping("/api/v1/insights")
class InsightsApiController {

    static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

    private final InsightTiles tiles;
    private final Clock clock;

    InsightsApiController(InsightTiles tiles, Clock clock) {
        this.tiles = tiles;
        this.clock = clock;
    }

    /** One mapping per tile, so each is a plain path (for the door rules and the OpenAPI document). */
    @GetMapping({ "/funnel", "/sla", "/rejections", "/closed-loop", "/follow-through", "/goals", "/cross-training",
            "/responsiveness" })
    ResponseEntity<?> tile(jakarta.servlet.http.HttpServletRequest request, @RequestParam Map<String, String> params,
            @RequestParam(required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @AuthenticationPrincipal SignedInPerson me) {
        String uri = request.getRequestURI();
        TileKey key = TileKey.ofPath(uri.substring(uri.lastIndexOf('/') + 1)).orElseThrow(() -> new NotFoundException("no such tile"));
        boolean csv = "csv".equalsIgnoreCase(format) || (format == null && asksForCsv(accept));
        if (format != null && !csv && !"json".equalsIgnoreCase(format)) {
            throw new InvalidFieldException("format", "must be json or csv");
        }
        InsightFilter filter = InsightFilter.parse(params, zone(params.get("zone"), me), clock);
        Tile result = tiles.tile(key, filter);
        if (csv) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            "attachment; filename=\"" + CsvTables.fileName(result, filter) + "\"")
                    .body(CsvTables.bytes(result));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result);
    }

    private static ZoneId zone(String text, SignedInPerson me) {
        if (text != null && !text.isBlank()) {
            return TimeZones.of("zone", text);
        }
        return me == null || me.zone() == null ? ZoneOffset.UTC : me.zone();
    }

    private static boolean asksForCsv(String accept) {
        try {
            return accept != null && MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(m -> !m.isWildcardType() && m.isCompatibleWith(TEXT_CSV));
        }
        catch (InvalidMediaTypeException ex) {
            return false;
        }
    }
}
