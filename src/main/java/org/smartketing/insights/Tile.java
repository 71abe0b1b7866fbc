package org.smartketing.insights;

import java.time.Instant;
import java.util.List;

/**
 * One dashboard tile: a few headline figures, a chart, and the table behind it (one click away on
 * the dashboard; also its CSV).
 *
 * <p>Cells of {@code rows} follow the columns' kinds: TEXT a {@code String}; COUNT a {@code Long};
 * PERCENT a {@code Double} share from 0 to 1; DAYS and HOURS a {@code Double}; MONEY a
 * {@code java.math.BigDecimal} (the currency in a TEXT column beside it); DATE a
 * {@code java.time.LocalDate}. Any cell may be null (no data).
 *
 * @param freshAsOf until when the figures are complete: the newest event the rollups have taken in
 *                  or, for tiles read straight from the parts, the moment they were read
 */
public record Tile(TileKey key, String title, Instant freshAsOf, List<Headline> headlines, List<Column> columns,
        List<List<Object>> rows, ChartData chart, List<String> notes) {

    public Tile {
        headlines = List.copyOf(headlines);
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** What a column or headline holds, so pages and exports format it for the viewer. */
    public enum Kind {
        TEXT, COUNT, PERCENT, DAYS, HOURS, MONEY, DATE
    }

    /** A column of the table: its key (stable, for links and filters), its label in plain words, its kind. */
    public record Column(String key, String label, Kind kind) {
    }

    /** A figure shown big on the tile; {@code value} null when there is no data. */
    public record Headline(String key, String label, Double value, Kind kind) {
    }

    /**
     * What the chart draws.
     *
     * @param type {@code bar}, {@code line} or {@code funnel}
     */
    public record ChartData(String type, List<String> categories, List<Series> series) {

        public ChartData {
            categories = List.copyOf(categories);
            series = List.copyOf(series);
        }
    }

    /** One series of a chart, a value per category (null: none). */
    public record Series(String name, List<Double> values) {

        public Series {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }

    /** The index of a column by its key, or -1. */
    public int column(String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** A headline by its key, if the tile has it. */
    public java.util.Optional<Headline> headline(String key) {
        return headlines.stream().filter(h -> h.key().equals(key)).findFirst();
    }
}
