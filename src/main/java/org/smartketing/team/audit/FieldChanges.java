package org.smartketing.team.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An audit entry's before and after as people read them: one line per field that changed, "Display
 * name: Ann → Anna", rather than two JSON documents side by side. A state that is not a JSON object
 * is shown as one line of its own.
 */
public final class FieldChanges {

    /** One field's change; {@code before} or {@code after} is "—" when the field was not there. */
    public record Change(String field, String before, String after) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NONE = "—";

    private FieldChanges() {
    }

    static List<Change> between(String before, String after) {
        JsonNode b = parse(before);
        JsonNode a = parse(after);
        if ((b != null && !b.isObject()) || (a != null && !a.isObject())) {
            return List.of(new Change("State", text(b), text(a)));
        }
        Set<String> fields = new LinkedHashSet<>();
        if (b != null) {
            fields.addAll(b.propertyNames());
        }
        if (a != null) {
            fields.addAll(a.propertyNames());
        }
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode was = b == null ? null : b.get(field);
            JsonNode is = a == null ? null : a.get(field);
            if (was == null || is == null || !was.equals(is)) {
                changes.add(new Change(label(field), text(was), text(is)));
            }
        }
        return changes;
    }

    private static JsonNode parse(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(state);
        }
        catch (RuntimeException ex) {
            return JSON.getNodeFactory().stringNode(state);
        }
    }

    /** {@code displayName}, {@code work_start} → "Display name", "Work start". */
    static String label(String field) {
        String spaced = field.replace('_', ' ').replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).strip();
        return spaced.isEmpty() ? field : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return NONE;
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(text(v)));
            return items.isEmpty() ? NONE : String.join(", ", items);
        }
        if (value.isObject()) {
            return value.properties().stream().map((Map.Entry<String, JsonNode> e) -> label(e.getKey()) + ": " + text(e.getValue()))
                    .collect(Collectors.joining("; "));
        }
        if (value.isBoolean()) {
            return value.asBoolean() ? "yes" : "no";
        }
        return value.asString();
    }
}
