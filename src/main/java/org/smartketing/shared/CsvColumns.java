package org.smartketing.shared;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The columns of an exported table: a header each and how a row gives its cell text. Cells read
 * as a person reads them: text as it is, instants and dates in ISO 8601, enums by name, lists
 * joined with commas, nothing as the empty cell.
 *
 * @param <T> the row
 */
public final class CsvColumns<T> {

    private record Group<T>(List<String> headers, Function<T, List<String>> cells) {
    }

    private final List<Group<T>> groups = new ArrayList<>();

    private CsvColumns() {
    }

    /** No columns yet: add them one by one. */
    public static <T> CsvColumns<T> of() {
        return new CsvColumns<>();
    }

    /**
     * The columns of a row as the API writes it in JSON: one per field, a nested record's fields
     * as {@code outer.inner}, with the very text the JSON answer holds (so a CSV and the JSON list
     * say the same).
     */
    public static <T> CsvColumns<T> ofJson(Class<T> type, JsonMapper json) {
        List<String> paths = new ArrayList<>();
        fields(type, "", paths);
        List<String> pointers = paths.stream().map(p -> "/" + p.replace('.', '/')).toList();
        CsvColumns<T> columns = new CsvColumns<>();
        columns.groups.add(new Group<>(List.copyOf(paths), row -> {
            JsonNode tree = json.valueToTree(row);
            List<String> cells = new ArrayList<>(pointers.size());
            pointers.forEach(p -> cells.add(text(tree.at(p))));
            return cells;
        }));
        return columns;
    }

    /** One more column at the end. */
    public CsvColumns<T> add(String header, Function<? super T, ?> cell) {
        groups.add(new Group<>(List.of(header), row -> java.util.Collections.singletonList(text(cell.apply(row)))));
        return this;
    }

    /** Several columns at the end whose headers are known only now (one per external system, per custom field). */
    public CsvColumns<T> addEach(List<String> headers, Function<? super T, List<String>> cells) {
        groups.add(new Group<>(List.copyOf(headers), cells::apply));
        return this;
    }

    public List<String> headers() {
        return groups.stream().flatMap(g -> g.headers().stream()).toList();
    }

    public List<String> cells(T row) {
        List<String> cells = new ArrayList<>();
        groups.forEach(g -> cells.addAll(g.cells().apply(row)));
        return cells;
    }

    /** A value's cell text; null is the empty cell. */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(CsvColumns::text).collect(Collectors.joining(","));
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof java.math.BigDecimal b) {
            return b.toPlainString();
        }
        return value.toString();
    }

    private static String text(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(item.isValueNode() ? item.asString() : item.toString()));
            return String.join(",", items);
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }

    private static void fields(Class<?> type, String prefix, List<String> paths) {
        for (RecordComponent component : type.getRecordComponents()) {
            String path = prefix + component.getName();
            if (component.getType().isRecord() && !writtenAsValue(component.getType())) {
                fields(component.getType(), path + ".", paths);
            }
            else {
                paths.add(path);
            }
        }
    }

    /** A typed id ({@code PersonId}) is written as its value, not as an object. */
    private static boolean writtenAsValue(Class<?> record) {
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.isAnnotationPresent(JsonValue.class) || component.getAccessor().isAnnotationPresent(JsonValue.class)) {
                return true;
            }
        }
        return false;
    }
}
