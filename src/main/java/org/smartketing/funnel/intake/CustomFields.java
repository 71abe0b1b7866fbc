package org.smartketing.funnel.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.smartketing.shared.FieldConflictException;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.Sql;
import org.smartketing.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The lead fields an admin adds, and the check of a lead's values against them. */
@Service
public class CustomFields {

    public enum Kind {
        TEXT("Text"), NUMBER("Number"), DATE("Date"), PICK_LIST("Pick list");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record CustomField(String key, String label, Kind kind, List<String> options, int position, boolean active) {
    }

    private final JdbcClient jdbc;

    CustomFields(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CustomField> all() {
        return jdbc.sql("SELECT * FROM lead_custom_field ORDER BY position, field_key").query((rs, row) -> new CustomField(
                rs.getString("field_key"), rs.getString("label"), Kind.valueOf(rs.getString("kind")),
                options(rs.getString("options")), rs.getInt("position"), rs.getBoolean("active"))).list();
    }

    public List<CustomField> active() {
        return all().stream().filter(CustomField::active).toList();
    }

    public Optional<CustomField> byKey(String key) {
        return all().stream().filter(f -> f.key().equals(key)).findFirst();
    }

    public CustomField define(String key, String label, Kind kind, List<String> options, Instant now) {
        if (byKey(key).isPresent()) {
            throw new FieldConflictException("key", "a custom field with this key exists already");
        }
        List<String> checked = checkedOptions(kind, options);
        int position = jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM lead_custom_field").query(Integer.class).single();
        jdbc.sql("INSERT INTO lead_custom_field (field_key, label, kind, options, position, active, created_at) VALUES (?, ?, ?, ?, ?, TRUE, ?)")
                .params(key, label, kind.name(), joined(checked), position, Sql.utc(now)).update();
        return byKey(key).orElseThrow();
    }

    public CustomField change(String key, String label, List<String> options, Boolean active) {
        CustomField field = byKey(key).orElseThrow(() -> new NotFoundException("Custom field " + key));
        List<String> checked = options == null ? field.options() : checkedOptions(field.kind(), options);
        jdbc.sql("UPDATE lead_custom_field SET label = ?, options = ?, active = ? WHERE field_key = ?")
                .params(label != null ? label : field.label(), joined(checked), active != null ? active : field.active(), key)
                .update();
        return byKey(key).orElseThrow();
    }

    /** Removes the definition; values leads have for it stay on them, unshown, until a field of that key comes back. */
    public void remove(String key) {
        if (jdbc.sql("DELETE FROM lead_custom_field WHERE field_key = ?").param(key).update() == 0) {
            throw new NotFoundException("Custom field " + key);
        }
    }

    /**
     * The values as stored: blank ones left out, numbers and dates in their plain form.
     *
     * @throws InvalidFieldException naming {@code custom.<key>} for an unknown field or a value of the wrong kind
     */
    public Map<String, String> checked(Map<String, String> values) {
        return checked(values, Map.of());
    }

    /** {@link #checked(Map)}, where a value the lead {@code had} already stays even if its field is gone. */
    public Map<String, String> checked(Map<String, String> values, Map<String, String> had) {
        if (values.isEmpty()) {
            return Map.of();
        }
        Map<String, CustomField> fields = new TreeMap<>();
        active().forEach(f -> fields.put(f.key(), f));
        Map<String, String> stored = new TreeMap<>();
        values.forEach((key, value) -> {
            String text = Text.blankToNull(value);
            if (text == null) {
                return;
            }
            CustomField field = fields.get(key);
            if (field == null && text.equals(had.get(key))) {
                stored.put(key, text);
                return;
            }
            if (field == null) {
                throw new InvalidFieldException("custom." + key, "there is no custom field with this key");
            }
            stored.put(key, valueOf(field, text));
        });
        return stored;
    }

    private static String valueOf(CustomField field, String text) {
        String name = "custom." + field.key();
        return switch (field.kind()) {
            case TEXT -> Text.plain(name, text, 2000);
            case NUMBER -> {
                try {
                    yield new BigDecimal(text.replace(",", "")).stripTrailingZeros().toPlainString();
                }
                catch (NumberFormatException ex) {
                    throw new InvalidFieldException(name, "must be a number, such as 1200 or 3.5");
                }
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text).toString();
                }
                catch (DateTimeParseException ex) {
                    throw new InvalidFieldException(name, "must be a date such as 2026-12-01");
                }
            }
            case PICK_LIST -> field.options().stream().filter(o -> o.equalsIgnoreCase(text)).findFirst()
                    .orElseThrow(() -> new InvalidFieldException(name, "must be one of " + String.join(", ", field.options())));
        };
    }

    private static List<String> checkedOptions(Kind kind, List<String> options) {
        List<String> clean = options == null ? List.of()
                : options.stream().map(Text::blankToNull).filter(o -> o != null).distinct().toList();
        if (kind == Kind.PICK_LIST && clean.isEmpty()) {
            throw new InvalidFieldException("options", "a pick list needs at least one option");
        }
        if (kind != Kind.PICK_LIST && !clean.isEmpty()) {
            throw new InvalidFieldException("options", "only a pick list has options");
        }
        if (clean.stream().anyMatch(o -> o.contains("|") || o.length() > 80)) {
            throw new InvalidFieldException("options", "each option must be at most 80 characters, without |");
        }
        if (String.join("|", clean).length() > 2000) {
            throw new InvalidFieldException("options", "are too many; at most 2000 characters together");
        }
        return clean;
    }

    private static String joined(List<String> options) {
        return options.isEmpty() ? null : String.join("|", options);
    }

    private static List<String> options(String joined) {
        return joined == null ? List.of() : Arrays.asList(joined.split("\\|"));
    }
}
