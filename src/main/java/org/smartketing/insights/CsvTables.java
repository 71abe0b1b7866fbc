package org.smartketing.insights;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.smartketing.shared.CsvCells;
import org.smartketing.shared.CsvColumns;
import org.smartketing.shared.CsvWriter;

/**
 * A tile's table as CSV for spreadsheet programs: UTF-8 with a byte order mark, the column labels
 * as the header, RFC 4180 quoting and formula cells defused ({@link CsvCells}). Numbers are written
 * plainly with a dot (shares as 0 to 1, hours and days to two decimals, money as it is), dates as
 * ISO dates, no data as the empty cell.
 */
public final class CsvTables {

    private CsvTables() {
    }

    /** The tile's columns, under their labels. */
    public static CsvColumns<List<Object>> columns(Tile tile) {
        CsvColumns<List<Object>> columns = CsvColumns.of();
        for (int i = 0; i < tile.columns().size(); i++) {
            int column = i;
            Tile.Kind kind = tile.columns().get(i).kind();
            columns.add(tile.columns().get(i).label(), row -> text(row.get(column), kind));
        }
        return columns;
    }

    /** The table as UTF-8 bytes, starting with the BOM. */
    public static byte[] bytes(Tile tile) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvWriter.write(out, columns(tile), CsvWriter.Rows.of(tile.rows()));
        return out.toByteArray();
    }

    /** The table as text, starting with the BOM. */
    public static String csv(Tile tile) {
        return new String(bytes(tile), StandardCharsets.UTF_8);
    }

    /** The file name a download of the tile gets: {@code insights-sla-2026-01-01-2026-03-31.csv}. */
    public static String fileName(Tile tile, InsightFilter filter) {
        return "insights-" + tile.key().path() + "-" + filter.from() + "-" + filter.to() + ".csv";
    }

    private static String text(Object value, Tile.Kind kind) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d) {
            return kind == Tile.Kind.PERCENT ? BigDecimal.valueOf(Math.round(d * 10000) / 10000.0).toPlainString()
                    : BigDecimal.valueOf(Math.round(d * 100) / 100.0).toPlainString();
        }
        if (value instanceof BigDecimal b) {
            return b.toPlainString();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        return value.toString();
    }
}
