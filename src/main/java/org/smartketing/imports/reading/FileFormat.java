package org.smartketing.imports.reading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How a file is written: its encoding and the character between its fields. Detected from its
 * first bytes: a byte order mark names UTF-8 or UTF-16; without one, UTF-16 shows by its zero
 * bytes, UTF-8 by being valid UTF-8, and anything else is read as windows-1252 (a superset of
 * Latin-1 for every printable character, what spreadsheet programs on Windows write).
 */
public record FileFormat(Charset encoding, char delimiter) {

    /** The delimiters a file may use, the most common first (the pick when a line has none of them). */
    public static final List<Character> DELIMITERS = List.of(',', ';', '\t', '|');

    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final int SAMPLE = 1 << 20;

    public static FileFormat detect(Path file) throws IOException {
        byte[] sample = sample(file);
        Charset encoding = encodingOf(sample);
        return new FileFormat(encoding, delimiterOf(firstLine(sample, encoding)));
    }

    /** The format with the encoding and delimiter given instead of the detected ones, where given. */
    public FileFormat with(Charset otherEncoding, Character otherDelimiter) {
        return new FileFormat(otherEncoding != null ? otherEncoding : encoding,
                otherDelimiter != null ? otherDelimiter : delimiter);
    }

    /** The name an API answer and a page show for the delimiter. */
    public String delimiterName() {
        return delimiter == '\t' ? "tab" : String.valueOf(delimiter);
    }

    /** A delimiter as a person writes it: the character, or "tab". */
    public static Character delimiter(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.equalsIgnoreCase("tab") || text.equals("\\t") || text.equals("\t")) {
            return '\t';
        }
        if (text.length() != 1 || !DELIMITERS.contains(text.charAt(0))) {
            throw new IllegalArgumentException("must be one of , ; | or tab");
        }
        return text.charAt(0);
    }

    static Charset encodingOf(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE
                || (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF)) {
            return StandardCharsets.UTF_16; // reads the mark and the byte order it names
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < Math.min(b.length, 4096); i++) {
            if (b[i] == 0) {
                if (i % 2 == 0) {
                    evenZeros++;
                }
                else {
                    oddZeros++;
                }
            }
        }
        int pairs = Math.min(b.length, 4096) / 2;
        if (pairs > 0 && oddZeros > pairs / 3 && evenZeros < oddZeros / 10) {
            return StandardCharsets.UTF_16LE;
        }
        if (pairs > 0 && evenZeros > pairs / 3 && oddZeros < evenZeros / 10) {
            return StandardCharsets.UTF_16BE;
        }
        return validUtf8(b) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    }

    /** Whether the bytes are UTF-8, a character cut off by the end of the sample aside. */
    private static boolean validUtf8(byte[] b) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, false);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                return in.remaining() < 4;
            }
            out.clear();
        }
    }

    /** The delimiter the header line has most of, outside quotes. */
    static char delimiterOf(String line) {
        char best = ',';
        int most = 0;
        for (char candidate : DELIMITERS) {
            int count = 0;
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                }
                else if (c == candidate && !quoted) {
                    count++;
                }
            }
            if (count > most) {
                most = count;
                best = candidate;
            }
        }
        return best;
    }

    private static String firstLine(byte[] sample, Charset encoding) {
        String text;
        try {
            text = encoding.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(sample)).toString();
        }
        catch (CharacterCodingException ex) {
            text = "";
        }
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            else if ((c == '\n' || c == '\r') && !quoted) {
                return text.substring(0, i);
            }
        }
        return text;
    }

    private static byte[] sample(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SAMPLE);
        }
    }
}
