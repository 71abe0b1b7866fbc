package org.smartketing.funnel.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.smartketing.funnel.LeadImports.Problem;
import org.smartketing.funnel.LeadImports.Row;
import org.smartketing.funnel.LeadImports.Target;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.shared.Text;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A row of an import read as the JSON API would read the same values: the targets are the API's
 * field names, so a column mapped to {@code firstName} lands where {@code "firstName"} would. A
 * new field of {@link IncomingLead} becomes importable by adding it to {@link #TARGETS}.
 */
@Component
class ImportedRows {

    /** What a column can be mapped to: the lead's fields as the API and the lead export name them. */
    static final List<Target> TARGETS = List.of(
            new Target("email", "Email"),
            new Target("phone", "Phone"),
            new Target("firstName", "First name"),
            new Target("lastName", "Last name"),
            new Target("company", "Company"),
            new Target("title", "Job title"),
            new Target("country", "Country"),
            new Target("region", "Region or state"),
            new Target("source", "Source"),
            new Target("campaignId", "Campaign id"),
            new Target("consentGiven", "Consent given"),
            new Target("consentAt", "Consent given at"),
            new Target("consentMethod", "Consent method"),
            new Target("tags", "Tags (comma-separated)"),
            new Target("description", "Description"));

    /** The row as a lead, or what kept it from being one. */
    record Converted(IncomingLead lead, List<Problem> problems) {
    }

    private static final Map<String, String> COUNTRIES = countries();

    private static final DateTimeFormatter OFFSET_WITHOUT_COLON = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]XX");

    private final JsonMapper json;

    ImportedRows(JsonMapper json) {
        this.json = json;
    }

    Converted incoming(Row row) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, String> value : row.values().entrySet()) {
            String text = Text.blankToNull(value.getValue());
            if (text == null) {
                continue;
            }
            try {
                fields.put(value.getKey(), converted(value.getKey(), text.strip()));
            }
            catch (IllegalArgumentException ex) {
                return new Converted(null, List.of(new Problem(row.line(), value.getKey(), text, ex.getMessage())));
            }
        }
        try {
            return new Converted(json.convertValue(fields, IncomingLead.class), List.of());
        }
        catch (JacksonException ex) {
            String field = ex.getPath().isEmpty() ? null : ex.getPath().get(0).getPropertyName();
            return new Converted(null, List.of(new Problem(row.line(), field, field == null ? null : row.values().get(field),
                    field == null ? "cannot be read" : "is not a value this field takes")));
        }
    }

    /** The row's lead without one of its fields. */
    IncomingLead without(Row row, String field) {
        Map<String, String> rest = new HashMap<>(row.values());
        rest.remove(field);
        return incoming(new Row(row.line(), rest)).lead();
    }

    private static Object converted(String target, String text) {
        return switch (target) {
            case "tags" -> Arrays.stream(text.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
            case "country" -> country(text);
            case "consentGiven" -> yesOrNo(text);
            case "consentAt" -> instant(text).toString();
            default -> text;
        };
    }

    /** A two-letter code as it is, an English country name as its code; anything else for the checks to refuse. */
    static String country(String text) {
        String code = COUNTRIES.get(text.toLowerCase(Locale.ROOT));
        return code != null ? code : text;
    }

    private static Boolean yesOrNo(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "x", "ja", "oui" -> true;
            case "false", "no", "n", "0", "nein", "non" -> false;
            default -> throw new IllegalArgumentException("must be yes or no (true or false)");
        };
    }

    /** A time as spreadsheets and exports write it: ISO with or without offset (UTC then), or a date. */
    static Instant instant(String text) {
        String t = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + "T" + text.substring(11) : text;
        try {
            return Instant.parse(t);
        }
        catch (DateTimeParseException ignored) {
            // the next forms
        }
        for (java.util.function.Function<String, Instant> form : List.<java.util.function.Function<String, Instant>>of(
                s -> OffsetDateTime.parse(s).toInstant(), s -> OffsetDateTime.parse(s, OFFSET_WITHOUT_COLON).toInstant(),
                s -> LocalDateTime.parse(s).toInstant(ZoneOffset.UTC),
                s -> LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            try {
                return form.apply(t);
            }
            catch (DateTimeParseException ignored) {
                // the next form
            }
        }
        throw new IllegalArgumentException("is not a date or time such as 2026-12-01 or 2026-12-01T09:30:00Z");
    }

    /**
     * The lead's fields as stored, by the names of {@link #TARGETS} (the contact's fields at the
     * top, the consent's as {@code consentGiven}...); what a preview shows and how a change is told
     * from none.
     */
    Map<String, String> stored(Lead lead) {
        JsonNode tree = json.valueToTree(lead);
        Map<String, String> stored = new LinkedHashMap<>();
        for (String skipped : List.of("id", "stage", "score", "ownerId", "createdAt", "updatedAt", "version",
                "requalifyOn", "amount")) {
            ((tools.jackson.databind.node.ObjectNode) tree).remove(skipped);
        }
        tree.properties().forEach(field -> {
            if (field.getValue().isObject()) {
                String prefix = field.getKey().equals("contact") ? "" : field.getKey();
                field.getValue().properties().forEach(inner -> put(stored, prefix.isEmpty() ? inner.getKey()
                        : prefix + Character.toUpperCase(inner.getKey().charAt(0)) + inner.getKey().substring(1),
                        inner.getValue()));
            }
            else {
                put(stored, field.getKey(), field.getValue());
            }
        });
        return stored;
    }

    private static void put(Map<String, String> stored, String name, JsonNode value) {
        if (value == null || value.isNull() || value.isArray() && value.isEmpty()) {
            return;
        }
        stored.put(name, value.isArray() ? String.join(",", value.valueStream().map(JsonNode::asString).toList())
                : value.asString());
    }

    private static Map<String, String> countries() {
        Map<String, String> byName = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            byName.put(code.toLowerCase(Locale.ROOT), code);
            byName.put(new Locale("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
        }
        byName.putAll(Map.of("usa", "US", "united states of america", "US", "uk", "GB", "great britain", "GB",
                "england", "GB", "deutschland", "DE", "russia", "RU", "south korea", "KR"));
        return byName;
    }
}
