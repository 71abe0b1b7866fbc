package org.smartketing.insights;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.smartketing.insights.Tile.Kind;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.support.CsvRows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A tile's table as CSV, read back as a spreadsheet would; the filter's parameters and their refusals. */
public class CsvTablesTests {

    @Test
    void writesUtf8WithABomQuotesAsRfc4180AndDefusesFormulaCells() {
        Tile tile = new Tile(TileKey.REJECTIONS, "t", Instant.EPOCH, List.of(),
                List.of(new Tile.Column("reason", "Reason, in words", Kind.TEXT), new Tile.Column("n", "Leads", Kind.COUNT),
                        new Tile.Column("share", "Share", Kind.PERCENT), new Tile.Column("day", "Day", Kind.DATE)),
                List.of(Arrays.asList("=HYPERLINK(\"x\")", 3L, 0.33333, LocalDate.of(2026, 3, 1)),
                        Arrays.asList("Says \"no\",\nthen leaves", 1L, null, null),
                        Arrays.asList("+1 or -1 or @me", 0L, 1.0, null), Arrays.asList("\tTabbed", 2L, 0.0, null)),
                new Tile.ChartData("bar", List.of(), List.of()), List.of());

        byte[] bytes = CsvTables.bytes(tile);
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<List<String>> read = CsvRows.parse(new String(bytes, StandardCharsets.UTF_8).substring(1));
        assertThat(read).containsExactly(List.of("Reason, in words", "Leads", "Share", "Day"),
                List.of("'=HYPERLINK(\"x\")", "3", "0.3333", "2026-03-01"),
                List.of("Says \"no\",\nthen leaves", "1", "", ""),
                List.of("'+1 or -1 or @me", "0", "1.0", ""),
                List.of("'\tTabbed", "2", "0.0", ""));
    }

    @Test
    void takesTheLastNinetyDaysByDefaultAndRefusesBadParametersNamingThem() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-31T23:30:00Z"), ZoneOffset.UTC);
        InsightFilter berlin = InsightFilter.parse(Map.of(), ZoneId.of("Europe/Berlin"), clock);
        assertThat(berlin.to()).as("already April 1st in Berlin").isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(berlin.from()).isEqualTo(LocalDate.of(2026, 4, 1).minusDays(89));
        assertThat(InsightFilter.parse(Map.of("source", "none"), ZoneOffset.UTC, clock).source()).isEmpty();

        assertRefused(Map.of("from", "2026-02-30"), "from");
        assertRefused(Map.of("from", "2026-03-02", "to", "2026-03-01"), "to");
        assertRefused(Map.of("from", "2020-01-01", "to", "2026-03-01"), "to");
        assertRefused(Map.of("team", "not-an-id"), "team");
        assertRefused(Map.of("campaign", "42"), "campaign");
    }

    private static void assertRefused(Map<String, String> params, String field) {
        Clock clock = Clock.fixed(Instant.parse("2026-03-31T12:00:00Z"), ZoneOffset.UTC);
        assertThatThrownBy(() -> InsightFilter.parse(params, ZoneOffset.UTC, clock))
                .isInstanceOfSatisfying(InvalidFieldException.class, ex -> assertThat(ex.field()).isEqualTo(field));
    }
}
