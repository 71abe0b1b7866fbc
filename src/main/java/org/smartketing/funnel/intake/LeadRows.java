package org.smartketing.funnel.intake;

import java.math.BigDecimal;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.smartketing.funnel.LeadId;
import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A lead's whole row kept as text and written back as it was, whatever columns the lead table has
 * by then: what an undo needs to put a changed lead back exactly (version and times included).
 * Each value is kept with its kind, so that it goes back with the type it came with.
 */
@Component
class LeadRows {

    private static final TypeReference<Map<String, List<String>>> KEPT = new TypeReference<>() {
    };

    private static final TypeReference<Map<String, String>> IDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    LeadRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    String kept(LeadId id) {
        Map<String, List<String>> row = jdbc.sql("SELECT * FROM lead WHERE id = ?").param(id.value()).query(rs -> {
            Map<String, List<String>> values = new LinkedHashMap<>();
            if (rs.next()) {
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    values.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), kept(rs.getObject(i)));
                }
            }
            return values;
        });
        return json.writeValueAsString(row);
    }

    /** Columns the database works out from the others (V120's duplicate keys): never written. */
    private static final java.util.Set<String> GENERATED = java.util.Set.of("match_name", "match_local");

    /** Writes the kept row back over the lead with its id. */
    void restore(String kept) {
        Map<String, List<String>> row = json.readValue(kept, KEPT);
        List<String> sets = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        row.forEach((column, value) -> {
            if (!column.equals("id") && !GENERATED.contains(column)) {
                sets.add(column + " = ?");
                args.add(restored(value));
            }
        });
        Object id = restored(row.get("id"));
        args.add(id);
        jdbc.sql("UPDATE lead SET " + String.join(", ", sets) + " WHERE id = ?").params(args).update();
        // the ids it had in other systems are kept unique in lead_external_id as well
        jdbc.sql("DELETE FROM lead_external_id WHERE lead_id = ?").param(id).update();
        List<String> ids = row.get("external_ids");
        if (ids != null && ids.get(1) != null) {
            json.readValue(ids.get(1), IDS).forEach((system, externalId) -> jdbc.sql(
                    "INSERT INTO lead_external_id (system, external_id, lead_id) VALUES (?, ?, ?)")
                    .params(system, externalId, id).update());
        }
    }

    private static List<String> kept(Object value) {
        if (value == null) {
            return java.util.Arrays.asList("null", null);
        }
        if (value instanceof Timestamp t) {
            return List.of("t", t.toInstant().toString());
        }
        if (value instanceof OffsetDateTime t) {
            return List.of("t", t.toInstant().toString());
        }
        if (value instanceof java.sql.Date d) {
            return List.of("d", d.toLocalDate().toString());
        }
        if (value instanceof LocalDate d) {
            return List.of("d", d.toString());
        }
        if (value instanceof UUID || value instanceof Boolean || value instanceof BigDecimal) {
            String kind = value instanceof UUID ? "u" : value instanceof Boolean ? "b" : "n";
            return List.of(kind, value instanceof BigDecimal n ? n.toPlainString() : value.toString());
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return List.of("i", value.toString());
        }
        return List.of("s", value.toString());
    }

    private static Object restored(List<String> kept) {
        String v = kept.get(1);
        return switch (kept.get(0)) {
            case "null" -> null;
            case "t" -> Sql.utc(Instant.parse(v));
            case "d" -> LocalDate.parse(v);
            case "u" -> UUID.fromString(v);
            case "b" -> Boolean.valueOf(v);
            case "i" -> Integer.valueOf(v);
            case "n" -> new BigDecimal(v);
            default -> v;
        };
    }
}
