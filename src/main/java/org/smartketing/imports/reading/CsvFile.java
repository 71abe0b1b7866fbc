package org.smartketing.imports.reading;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read as it streams (RFC 4180: quoted fields with line breaks and doubled quotes),
 * one record at a time, with the line each record starts on. The first record is the header; a
 * record with more or fewer fields than the header is handed on as a bad line, never read
 * into the wrong columns. Characters the encoding cannot decode become U+FFFD.
 */
public final class CsvFile implements AutoCloseable {

    /** A record: its first line in the file and its cells by column. */
    public record Line(long number, Map<String, String> cells) {
    }

    /** A record that could not be read as a row, and why. */
    public record BadLine(long number, String message) {
    }

    /** What the next read gave: a line, a bad line, or (both null) the end of the file. */
    public record Next(Line line, BadLine bad) {

        public boolean end() {
            return line == null && bad == null;
        }
    }

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private boolean broken;

    private CsvFile(Reader reader, char delimiter) throws IOException {
        this.parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                .setTrim(false).get().parse(reader);
        this.records = parser.iterator();
        this.header = records.hasNext() ? columns(records.next()) : List.of();
    }

    public static CsvFile open(Path file, FileFormat format) throws IOException {
        Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                format.encoding().newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
        try {
            return new CsvFile(withoutMark(reader), format.delimiter());
        }
        catch (IOException | UncheckedIOException | IllegalStateException ex) {
            reader.close();
            throw ex instanceof IOException io ? io : new IOException(ex.getMessage(), ex);
        }
    }

    /** The column names, made unique ("Email", "Email (2)") and never blank ("Column 3"). */
    public List<String> header() {
        return header;
    }

    public Next next() {
        while (!broken) {
            long start = parser.getCurrentLineNumber() + 1;
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return new Next(null, null);
                }
                record = records.next();
            }
            catch (UncheckedIOException | IllegalStateException ex) {
                broken = true;
                return new Next(null, new BadLine(start, "cannot be read from here on: " + reason(ex)));
            }
            if (record.size() == 1 && record.get(0).isEmpty()) {
                continue; // an empty line
            }
            if (record.size() != header.size()) {
                return new Next(null, new BadLine(start, "has " + record.size() + " fields where the header has "
                        + header.size()));
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                cells.put(header.get(i), org.smartketing.shared.CsvCells.undefused(record.get(i)));
            }
            return new Next(new Line(start, cells), null);
        }
        return new Next(null, null);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static String reason(RuntimeException ex) {
        String message = ex.getMessage() == null ? "" : ex.getMessage();
        return message.contains("EOF") ? "a quoted field is never closed" : "the quotes do not match";
    }

    private static List<String> columns(CSVRecord record) {
        List<String> names = new ArrayList<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (int i = 0; i < record.size(); i++) {
            String name = record.get(i).strip();
            String unique = name.isEmpty() ? "Column " + (i + 1) : name;
            for (int n = 2; taken.contains(unique); n++) {
                unique = name + " (" + n + ")";
            }
            names.add(unique);
            taken.add(unique);
        }
        if (names.size() == 1 && record.get(0).isEmpty()) {
            return List.of();
        }
        return List.copyOf(names);
    }

    /** The reader past a byte order mark, if the text starts with one. */
    private static Reader withoutMark(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }
}
