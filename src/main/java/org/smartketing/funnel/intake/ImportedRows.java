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
import tools.jackson.databind.node.ObjectNode;

/**
 * A row of an import read as the JSON API would read the same values: the targets are the API's
 * field names, so a column mapped to {@code firstName} lands where {@code "firstName"} would. A
 * new field of {@link IncomingLead} becomes importable by adding it to {@link #TARGETS}.
 */
@Component
class ImportedRows {

    /**
     * What a column can be mapped to: the lead's fields as the API and the lead export name them.
     * A name ending with a dot takes a key after it ({@code externalIds.salesforce}, {@code custom.shoe_size}).
     */
    static final List<Target> TARGETS = List.of(
            new Target("email", "Email"),
            new Target("phone", "Phone"),
            new Target("mobile", "Mobile phone"),
            new Target("salutation", "Salutation"),
            new Target("firstName", "First name"),
            new Target("lastName", "Last name"),
            new Target("company", "Company"),
            new Target("title", "Job title"),
            new Target("website", "Website"),
            new Target("industry", "Industry"),
            new Target("street", "Street"),
            new Target("city", "City"),
            new Target("postalCode", "Postal code"),
            new Target("region", "Region or state"),
            new Target("country", "Country (code or English name)"),
            new Target("annualRevenue", "Annual revenue"),
            new Target("employees", "Employees"),
            new Target("description", "Description"),
            new Target("source", "Source"),
            new Target("campaignId", "Campaign id"),
            new Target("consentGiven", "Consent given (yes or no)"),
            new Target("consentAt", "Consent given at"),
            new Target("consentMethod", "Consent method"),
            new Target("tags", "Tags (comma-separated)"),
            new Target("originalCreatedAt", "Created in the other system at"),
            new Target("externalIds.salesforce", "Salesforce id"),
            new Target("externalIds.hubspot", "HubSpot record id"),
            new Target("externalIds.", "Id in another system (externalIds.<system>)"),
            new Target("custom.", "Custom field (custom.<key>)"));

    /** The row as a lead, or what kept it from being one. */
    record Converted(IncomingLead lead, List<Problem> problems) {
    }

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
                Object converted = converted(value.getKey(), text.strip());
                int dot = value.getKey().indexOf('.');
                if (dot > 0) {
                    nested(fields, value.getKey().substring(0, dot)).put(value.getKey().substring(dot + 1), converted);
                }
                else {
                    fields.put(value.getKey(), converted);
                }
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> fields, String name) {
        return (Map<String, Object>) fields.computeIfAbsent(name, n -> new LinkedHashMap<String, Object>());
    }

    private static Object converted(String target, String text) {
        return switch (target) {
            case "tags" -> Arrays.stream(text.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
            case "consentGiven" -> yesOrNo(text);
            case "consentAt", "originalCreatedAt" -> instant(text).toString();
            case "annualRevenue" -> number(text, false);
            case "employees" -> number(text, true);
            default -> text;
        };
    }

    /**
     * A number as spreadsheets write it: with a currency sign, spaces or thousands separators, a
     * decimal point or (with at most two digits after it) a decimal comma.
     */
    static String number(String text, boolean whole) {
        String n = text.replaceAll("[\\s$€£¥'\u00a0]", "");
        if (n.contains(",") && n.contains(".")) {
            n = n.lastIndexOf(',') > n.lastIndexOf('.') ? n.replace(".", "").replace(',', '.') : n.replace(",", "");
        }
        else if (n.matches("-?\\d+,\\d{1,2}")) {
            n = n.replace(',', '.');
        }
        else {
            n = n.replace(",", "");
        }
        if (whole) {
            n = n.replaceFirst("\\.0+$", "");
        }
        if (!n.matches(whole ? "-?\\d+" : "-?\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException(whole ? "is not a whole number" : "is not a number");
        }
        return n;
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
     * The lead's fields as stored, by the names of {@link #TARGETS} (contact, address and profile
     * at the top, the consent's as {@code consentGiven}..., ids as {@code externalIds.<system>});
     * what a preview shows and how a change is told from none.
     */
    Map<String, String> stored(Lead lead) {
        ObjectNode tree = (ObjectNode) json.valueToTree(lead);
        for (String skipped : List.of("id", "stage", "score", "ownerId", "createdAt", "updatedAt", "version",
                "requalifyOn", "amount")) {
            tree.remove(skipped);
        }
        Map<String, String> stored = new LinkedHashMap<>();
        flatten(stored, "", tree);
        return stored;
    }

    private static void flatten(Map<String, String> stored, String prefix, JsonNode node) {
        node.properties().forEach(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (!value.isObject()) {
                put(stored, prefix.isEmpty() ? name : prefix + name, value);
            }
            else if (name.equals("externalIds") || name.equals("custom")) {
                value.properties().forEach(entry -> put(stored, name + "." + entry.getKey(), entry.getValue()));
            }
            else if (name.equals("consent")) {
                value.properties().forEach(entry -> put(stored, "consent" + Character.toUpperCase(entry.getKey().charAt(0))
                        + entry.getKey().substring(1), entry.getValue()));
            }
            else {
                flatten(stored, prefix, value); // contact, its address, the profile
            }
        });
    }

    private static void put(Map<String, String> stored, String name, JsonNode value) {
        if (value == null || value.isNull() || value.isArray() && value.isEmpty()) {
            return;
        }
        stored.put(name, value.isArray() ? String.join(",", value.valueStream().map(JsonNode::asString).toList())
                : value.asString());
    }
}
