package org.smartketing.imports;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test files as real exports and spreadsheets write them, generated (never checked in). */
final class ImportCorpus {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private ImportCorpus() {
    }

    static byte[] bytes(String text, Charset charset, boolean bom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom && charset.equals(StandardCharsets.UTF_8)) {
            out.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
        }
        if (bom && charset.equals(StandardCharsets.UTF_16LE)) {
            out.writeBytes(new byte[] { (byte) 0xFF, (byte) 0xFE });
        }
        if (bom && charset.equals(StandardCharsets.UTF_16BE)) {
            out.writeBytes(new byte[] { (byte) 0xFE, (byte) 0xFF });
        }
        out.writeBytes(text.getBytes(charset));
        return out.toByteArray();
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A lead file of n rows with unique emails (tag them with the run), in the delimiter given. */
    static String leads(String run, int n, char delimiter) {
        StringBuilder csv = new StringBuilder(String.join(String.valueOf(delimiter), "email", "firstName", "lastName",
                "company", "country")).append("\r\n");
        for (int i = 0; i < n; i++) {
            csv.append(String.join(String.valueOf(delimiter), "p" + i + "." + run + "@example.com", "First" + i,
                    "Last" + i, "Company " + (i % 7), i % 2 == 0 ? "DE" : "Germany")).append("\r\n");
        }
        return csv.toString();
    }

    /** A header of width columns (the first is Email) and one row. */
    static String wide(String run, int width) {
        List<String> header = new ArrayList<>(List.of("Email"));
        List<String> row = new ArrayList<>(List.of("wide." + run + "@example.com"));
        for (int i = 1; i < width; i++) {
            header.add("Column " + i);
            row.add("v" + i);
        }
        return String.join(",", header) + "\r\n" + String.join(",", row) + "\r\n";
    }
}
