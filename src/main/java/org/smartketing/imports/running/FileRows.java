package org.smartketing.imports.running;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.smartketing.funnel.LeadImports.Row;
import org.smartketing.imports.reading.CsvFile;
import org.smartketing.imports.reading.FileFormat;

/**
 * An import's file read in chunks of rows, each cell under the target its column is mapped to;
 * lines that are no row (a field too many) come with the chunk as errors. Records are counted
 * as read, so that a job can skip those a committed chunk already handled.
 */
final class FileRows implements AutoCloseable {

    /** Rows and bad lines of one chunk, and how many records of the file it covers. */
    record Chunk(List<Row> rows, List<ImportJobs.Error> bad, int records) {

        boolean empty() {
            return records == 0;
        }
    }

    private final CsvFile file;
    private final Map<String, String> mapping;

    /** @param stored the file on this node's disk ({@link ImportFiles#readable}) */
    FileRows(ImportJob job, java.nio.file.Path stored) {
        try {
            this.file = CsvFile.open(stored, new FileFormat(Charset.forName(job.encoding()), job.delimiter()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        this.mapping = job.mapping();
    }

    /** Skips records handled before. */
    void skip(long records) {
        for (long i = 0; i < records && !file.next().end(); i++) {
            // read past
        }
    }

    Chunk next(int size) {
        List<Row> rows = new ArrayList<>();
        List<ImportJobs.Error> bad = new ArrayList<>();
        int records = 0;
        while (records < size) {
            CsvFile.Next next = file.next();
            if (next.end()) {
                break;
            }
            records++;
            if (next.bad() != null) {
                bad.add(new ImportJobs.Error(next.bad().number(), null, null, next.bad().message()));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            next.line().cells().forEach((column, value) -> {
                String target = mapping.get(column);
                if (target != null && !target.isBlank() && value != null && !value.isBlank()) {
                    values.put(target, value);
                }
            });
            rows.add(new Row(next.line().number(), values));
        }
        return new Chunk(rows, bad, records);
    }

    @Override
    public void close() {
        try {
            file.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
