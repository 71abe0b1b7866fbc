package org.smartketing.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** A CSV read back as a spreadsheet reads it (RFC 4180): quoted cells may hold commas, doubled quotes and line breaks. */
public final class CsvRows {

    private CsvRows() {
    }

    public static List<List<String>> parse(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                }
                else if (c == '"') {
                    quoted = false;
                }
                else {
                    cell.append(c);
                }
            }
            else if (c == '"') {
                quoted = true;
            }
            else if (c == ',') {
                line.add(cell.toString());
                cell.setLength(0);
            }
            else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line.add(cell.toString());
                cell.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
            }
            else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !line.isEmpty()) {
            line.add(cell.toString());
            lines.add(line);
        }
        return lines;
    }

    /** The lines after the header as header → cell, after checking the file starts with the UTF-8 byte order mark. */
    public static List<Map<String, String>> records(String text) {
        if (!text.startsWith("\uFEFF")) {
            throw new AssertionError("a CSV download starts with the byte order mark");
        }
        List<List<String>> lines = parse(text.substring(1));
        List<Map<String, String>> records = new ArrayList<>();
        for (List<String> line : lines.subList(1, lines.size())) {
            Map<String, String> record = new LinkedHashMap<>();
            for (int i = 0; i < lines.get(0).size(); i++) {
                record.put(lines.get(0).get(i), i < line.size() ? line.get(i) : "");
            }
            records.add(record);
        }
        return records;
    }

    /**
     * Whether each CSV line says what the JSON row at its place says, cell by cell under the JSON
     * field names ({@code consent.given} for nested ones; lists joined with commas); a formula cell
     * defused with a leading apostrophe counts as its text. Returns the differences, none when equal.
     */
    public static List<String> differences(String csv, JsonNode rows, String... columnsBesideTheJson) {
        List<Map<String, String>> records = records(csv);
        List<String> differences = new ArrayList<>();
        if (records.size() != rows.size()) {
            differences.add(records.size() + " lines in the CSV, " + rows.size() + " rows in the JSON");
            return differences;
        }
        for (int i = 0; i < records.size(); i++) {
            for (var cell : records.get(i).entrySet()) {
                if (List.of(columnsBesideTheJson).contains(cell.getKey())) {
                    continue;
                }
                String expected = text(rows.get(i).at("/" + cell.getKey().replace('.', '/')));
                String actual = cell.getValue().startsWith("'") && !expected.startsWith("'")
                        ? cell.getValue().substring(1) : cell.getValue();
                if (!expected.equals(actual) && !sameNumber(expected, actual)) {
                    differences.add("row " + i + " " + cell.getKey() + ": CSV " + cell.getValue() + ", JSON " + expected);
                }
            }
        }
        return differences;
    }

    /** 1200.00 in the CSV is the 1200.0 a JSON reader makes of it. */
    private static boolean sameNumber(String a, String b) {
        try {
            return new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b)) == 0;
        }
        catch (NumberFormatException ex) {
            return false;
        }
    }

    private static String text(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.isValueNode() ? item.asString() : item.toString()));
            return String.join(",", items);
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }
}
