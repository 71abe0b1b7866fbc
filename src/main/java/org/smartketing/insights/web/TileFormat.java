package org.smartketing.insights.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.smartketing.insights.Tile;

/** A tile's cells and headlines for the viewer: numbers, shares and dates in their locale; "–" for no data. */
final class TileFormat {

    static final String NO_DATA = "–";

    private final Locale locale;

    TileFormat(Locale locale) {
        this.locale = locale;
    }

    String cell(Object value, Tile.Kind kind) {
        if (value == null) {
            return NO_DATA;
        }
        return switch (kind) {
            case TEXT -> String.valueOf(value);
            case COUNT -> value instanceof Number n ? NumberFormat.getIntegerInstance(locale).format(n.longValue())
                    : String.valueOf(value);
            case PERCENT -> value instanceof Number n ? percent(n.doubleValue()) : String.valueOf(value);
            case DAYS -> value instanceof Number n ? decimal(n.doubleValue(), 1) + " d" : String.valueOf(value);
            case HOURS -> value instanceof Number n ? decimal(n.doubleValue(), 1) + " h" : String.valueOf(value);
            case MONEY -> value instanceof BigDecimal b ? money(b) : value instanceof Number n
                    ? money(BigDecimal.valueOf(n.doubleValue())) : String.valueOf(value);
            case DATE -> value instanceof LocalDate d ? DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                    .withLocale(locale).format(d) : String.valueOf(value);
        };
    }

    String percent(double share) {
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMaximumFractionDigits(share != 0 && Math.abs(share) < 0.1 ? 1 : 0);
        return f.format(share);
    }

    String decimal(double value, int digits) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(digits);
        return f.format(value);
    }

    private String money(BigDecimal amount) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(amount.scale() > 0 ? 2 : 0);
        f.setMaximumFractionDigits(2);
        return f.format(amount);
    }

    /** Whether a cell is a number (right-aligned in the table). */
    static boolean numeric(Tile.Kind kind) {
        return kind != Tile.Kind.TEXT && kind != Tile.Kind.DATE;
    }

    Locale locale() {
        return locale;
    }
}
