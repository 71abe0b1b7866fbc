package org.smartketing.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * CSV for spreadsheet programs, one way everywhere: RFC 4180 lines (CRLF), a cell quoted when it
 * holds a comma, quote or line break, and a cell that a spreadsheet would take as a formula (one
 * starting with {@code = + - @}, a tab or a carriage return) defused with a leading apostrophe.
 */
public final class CsvCells {

    /** What a file starts with so that spreadsheet programs read it as UTF-8. */
    public static final String BOM = "\uFEFF";

    private CsvCells() {
    }

    /** One cell, quoted and defused as needed; null is the empty cell. */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0 || !safe.equals(value);
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    /**
     * A cell as it was before {@link #cell} defused it: the leading apostrophe taken off a value
     * that would otherwise be a formula, so that a file we wrote reads back unchanged.
     */
    public static String undefused(String value) {
        return value != null && value.length() > 1 && value.charAt(0) == '\'' && "=+-@\t\r".indexOf(value.charAt(1)) >= 0
                ? value.substring(1) : value;
    }

    /** Appends one line of cells (each through {@link #cell}) and its CRLF to text or a stream's writer. */
    public static <A extends Appendable> A line(A out, List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(cell(cells.get(i)));
            }
            out.append("\r\n");
            return out;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
