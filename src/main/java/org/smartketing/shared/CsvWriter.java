package org.smartketing.shared;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Writes a table as CSV while its rows are read, the one way every export writes: the
 * {@link CsvCells#BOM byte order mark}, the header line, one line per row, each cell through
 * {@link CsvCells}. Only a small buffer is held, so a file of a million rows takes the memory of a
 * few hundred.
 */
public final class CsvWriter {

    /** How much text is gathered before it goes to the stream. */
    static final int BUFFER = 32 * 1024;

    /**
     * The rows of a table handed over one at a time as they are read (from a list, from database
     * pages, from a streamed query), never gathered first.
     */
    @FunctionalInterface
    public interface Rows<T> {

        void forEach(Consumer<? super T> row);

        /** The rows of a list already at hand (a short one: campaigns, teams, a person's items). */
        static <T> Rows<T> of(Iterable<T> rows) {
            return each -> rows.forEach(each);
        }

        /** Every page of a paged list, first to last, one page held at a time. */
        static <T> Rows<T> allPages(Function<PageOf.Request, PageOf<T>> page) {
            return each -> {
                PageOf<T> current;
                int number = 0;
                do {
                    current = page.apply(new PageOf.Request(number++, PageOf.MAX_SIZE));
                    current.items().forEach(each);
                }
                while (current.hasNext());
            };
        }
    }

    private CsvWriter() {
    }

    /** Writes the whole table to the stream (flushed, not closed); returns how many rows it wrote. */
    public static <T> long write(OutputStream out, CsvColumns<T> columns, Rows<T> rows) {
        Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER);
        long[] count = { 0 };
        try {
            text.write(CsvCells.BOM);
            CsvCells.line(text, columns.headers());
            rows.forEach(row -> {
                CsvCells.line(text, columns.cells(row));
                count[0]++;
            });
            text.flush();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return count[0];
    }
}
