package org.smartketing.imports.reading;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CsvReadingTests {

    @TempDir
    Path dir;

    @Test
    void detectsEncodingsByMarkZerosAndValidity() throws IOException {
        String text = "name;city\r\nJosé;Köln\r\n";
        assertThat(FileFormat.detect(file(bom(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
                text.getBytes(StandardCharsets.UTF_8)))).encoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(FileFormat.detect(file(text.getBytes(StandardCharsets.UTF_8))).encoding())
                .isEqualTo(StandardCharsets.UTF_8);
        assertThat(FileFormat.detect(file(text.getBytes(Charset.forName("windows-1252")))).encoding())
                .isEqualTo(FileFormat.WINDOWS_1252);
        assertThat(FileFormat.detect(file(bom(new byte[] { (byte) 0xFF, (byte) 0xFE },
                text.getBytes(StandardCharsets.UTF_16LE)))).encoding()).isEqualTo(StandardCharsets.UTF_16);
        assertThat(FileFormat.detect(file(text.getBytes(StandardCharsets.UTF_16LE))).encoding())
                .isEqualTo(StandardCharsets.UTF_16LE);
        assertThat(FileFormat.detect(file(text.getBytes(StandardCharsets.UTF_16BE))).encoding())
                .isEqualTo(StandardCharsets.UTF_16BE);
    }

    @Test
    void detectsTheDelimiterOutsideQuotes() throws IOException {
        assertThat(delimiterOf("a,b,c\r\n")).isEqualTo(',');
        assertThat(delimiterOf("a;b;c\r\n")).isEqualTo(';');
        assertThat(delimiterOf("a\tb\tc\r\n")).isEqualTo('\t');
        assertThat(delimiterOf("a|b|c\r\n")).isEqualTo('|');
        assertThat(delimiterOf("\"a,b,c,d\";e;f\r\n")).isEqualTo(';');
        assertThat(delimiterOf("single\r\n")).isEqualTo(',');
    }

    @Test
    void readsRecordsWithTheLineEachStartsOnAndHandsOnAWrongWidthAsABadLine() throws IOException {
        String text = "email,note\r\na@x.org,\"two\nlines\"\r\n\r\nb@x.org,\"say \"\"hi\"\"\"\r\nc@x.org,1,2\r\nd@x.org,last";
        List<String> seen = new ArrayList<>();
        try (CsvFile csv = CsvFile.open(file(text.getBytes(StandardCharsets.UTF_8)), new FileFormat(StandardCharsets.UTF_8, ','))) {
            assertThat(csv.header()).containsExactly("email", "note");
            for (CsvFile.Next next = csv.next(); !next.end(); next = csv.next()) {
                seen.add(next.line() != null ? next.line().number() + ":" + next.line().cells().get("note")
                        : next.bad().number() + "!" + next.bad().message());
            }
        }
        assertThat(seen).containsExactly("2:two\nlines", "5:say \"hi\"", "6!has 3 fields where the header has 2",
                "7:last");
    }

    @Test
    void anUnclosedQuoteEndsTheReadingWithABadLine() throws IOException {
        String text = "email,note\r\na@x.org,fine\r\nb@x.org,\"never closed\r\nc@x.org,more\r\n";
        List<String> seen = new ArrayList<>();
        try (CsvFile csv = CsvFile.open(file(text.getBytes(StandardCharsets.UTF_8)), new FileFormat(StandardCharsets.UTF_8, ','))) {
            for (CsvFile.Next next = csv.next(); !next.end(); next = csv.next()) {
                seen.add(next.line() != null ? "ok " + next.line().number() : "bad " + next.bad().number());
            }
        }
        assertThat(seen).containsExactly("ok 2", "bad 3");
    }

    @Test
    void anEmptyFileHasNoHeaderAndDuplicateOrBlankColumnNamesAreMadeUnique() throws IOException {
        try (CsvFile csv = CsvFile.open(file(new byte[0]), new FileFormat(StandardCharsets.UTF_8, ','))) {
            assertThat(csv.header()).isEmpty();
            assertThat(csv.next().end()).isTrue();
        }
        try (CsvFile csv = CsvFile.open(file("Email,,Email\r\n".getBytes(StandardCharsets.UTF_8)),
                new FileFormat(StandardCharsets.UTF_8, ','))) {
            assertThat(csv.header()).containsExactly("Email", "Column 2", "Email (2)");
        }
    }

    private char delimiterOf(String text) throws IOException {
        return FileFormat.detect(file(text.getBytes(StandardCharsets.UTF_8))).delimiter();
    }

    private static byte[] bom(byte[] mark, byte[] text) {
        byte[] all = new byte[mark.length + text.length];
        System.arraycopy(mark, 0, all, 0, mark.length);
        System.arraycopy(text, 0, all, mark.length, text.length);
        return all;
    }

    private Path file(byte[] content) throws IOException {
        Path file = Files.createTempFile(dir, "import", ".csv");
        return Files.write(file, content);
    }
}
