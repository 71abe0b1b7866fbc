package org.smartketing.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reading and rewriting a part's own rows for a personal-data request. Reading gives plain maps
 * (column to value, times as instants) ready for an export; scrubbing rewrites free-text columns of the caller's own table so that a {@link DataSubject}'s values are
 * gone from them: the rows the condition picks are read, scrubbed in Java (whole words, any case)
 * and written back where something changed.
 */
public final class PersonalRows {

    private PersonalRows() {
    }

    /** The rows the query finds, each as its columns in order (lower case) to values; times as UTC instants. */
    public static List<Map<String, Object>> rows(JdbcClient jdbc, String sql, List<?> args) {
        return jdbc.sql(sql).params(new ArrayList<Object>(args)).query((rs, n) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            java.sql.ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                Object value = rs.getObject(i);
                if (value instanceof java.sql.Timestamp || value instanceof java.time.OffsetDateTime) {
                    value = rs.getObject(i, java.time.OffsetDateTime.class).toInstant();
                }
                else if (value instanceof java.sql.Clob) {
                    value = rs.getString(i);
                }
                row.put(meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), value);
            }
            return row;
        }).list();
    }

    /**
     * @param keys    the columns that identify a row
     * @param columns the text columns to scrub
     * @param where   the rows to look at (e.g. those about the lead, or
     *                {@link DataSubject#sqlMentions} over the columns)
     * @return how many rows changed
     */
    public static int scrub(JdbcClient jdbc, DataSubject subject, String table, List<String> keys, List<String> columns,
            String where, List<Object> args) {
        List<Map<String, Object>> rows = jdbc.sql("SELECT " + String.join(", ", keys) + ", " + String.join(", ", columns)
                + " FROM " + table + " WHERE " + where).params(args).query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (String k : keys) {
                        row.put(k, rs.getObject(k));
                    }
                    for (String c : columns) {
                        row.put(c, rs.getString(c));
                    }
                    return row;
                }).list();
        int changed = 0;
        String set = String.join(", ", columns.stream().map(c -> c + " = ?").toList());
        String match = String.join(" AND ", keys.stream().map(k -> k + " = ?").toList());
        for (Map<String, Object> row : rows) {
            List<Object> values = new ArrayList<>();
            boolean differs = false;
            for (String c : columns) {
                String before = (String) row.get(c);
                String after = subject.scrub(before);
                differs |= !Objects.equals(before, after);
                values.add(after);
            }
            if (differs) {
                keys.forEach(k -> values.add(row.get(k)));
                jdbc.sql("UPDATE " + table + " SET " + set + " WHERE " + match).params(values).update();
                changed++;
            }
        }
        return changed;
    }

    /** The rows whose columns mention the subject anywhere. */
    public static int scrubMentions(JdbcClient jdbc, DataSubject subject, String table, List<String> keys,
            List<String> columns) {
        List<Object> args = new ArrayList<>();
        String where = subject.sqlMentions(args, columns.toArray(String[]::new));
        return scrub(jdbc, subject, table, keys, columns, where, args);
    }
}
