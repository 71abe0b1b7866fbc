package org.smartketing.funnel.intake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.smartketing.shared.Text;
import org.springframework.util.MultiValueMap;

/**
 * What a Web-to-Lead form posted, read the way Salesforce's servlet reads it: its field names
 * ({@code first_name}, {@code zip}, {@code URL}, {@code 00N...} custom fields), the form's default
 * source and campaign, and everything else kept as a note on the lead's touch, never dropped.
 */
final class WebToLeadForm {

    /** The form's field names → ours. */
    static final Map<String, String> STANDARD = standard();

    /** Fields that steer the post and are none of the lead's. */
    private static final Set<String> CONTROL = Set.of("oid", "retURL", "encoding", "_charset_", WebToLeadController.HONEYPOT,
            "debug", "debugEmail", "submit", "g-recaptcha-response", "captcha_settings", "Campaign_ID");

    /** The lead's fields by our names (text as posted); what {@link #lead} reads. */
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final Map<String, String> custom = new TreeMap<>();
    private final List<String> note = new ArrayList<>();
    private UUID campaignId;

    WebToLeadForm(MultiValueMap<String, String> posted, WebForms.WebForm form, java.util.function.Predicate<UUID> campaignExists) {
        posted.forEach((name, values) -> {
            String value = Text.blankToNull(String.join(", ", values));
            if (value == null || CONTROL.contains(name)) {
                return;
            }
            if (STANDARD.containsKey(name)) {
                fields.put(STANDARD.get(name), value);
            }
            else if (form.fieldMap().containsKey(name)) {
                custom.put(form.fieldMap().get(name), value);
            }
            else {
                note.add(name + ": " + value);
            }
        });
        fields.putIfAbsent("source", form.source());
        campaignId = form.campaignId();
        String campaign = Text.blankToNull(posted.getFirst("Campaign_ID"));
        if (campaign != null) {
            UUID asked = uuid(campaign);
            if (asked != null && campaignExists.test(asked)) {
                campaignId = asked;
            }
            else {
                note.add("Campaign_ID (no such campaign): " + campaign);
            }
        }
    }

    /** Takes a field out of the lead and keeps what was posted in the note instead. */
    boolean setAside(String field, String why) {
        String value = field.startsWith("custom.") ? custom.remove(field.substring("custom.".length())) : fields.remove(field);
        if (value == null) {
            return false;
        }
        note.add(formName(field) + " (" + why + "): " + value);
        return true;
    }

    IncomingLead lead() {
        return new IncomingLead(fields.get("email"), fields.get("phone"), fields.get("mobile"), fields.get("salutation"),
                fields.get("firstName"), fields.get("lastName"), fields.get("company"), fields.get("title"),
                fields.get("website"), fields.get("industry"), fields.get("street"), fields.get("city"),
                fields.get("postalCode"), fields.get("region"), fields.get("country"), decimal("annualRevenue"),
                whole("employees"), fields.get("description"), fields.get("source"), campaignId, null, null, null, null,
                null, null, custom.isEmpty() ? null : custom);
    }

    /** What came with the lead besides its fields, for its touch; null when nothing did. */
    String note() {
        // control characters (a NUL, which PostgreSQL refuses in text) are no part of what a person wrote
        return note.isEmpty() ? null
                : Text.abbreviate(("Also on the form: " + String.join("; ", note)).replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", ""), 1900);
    }

    /** The form's own name for one of our fields, so that errors name what the website author wrote. */
    static String formName(String field) {
        return STANDARD.entrySet().stream().filter(e -> e.getValue().equals(field)).map(Map.Entry::getKey).findFirst()
                .orElse(field);
    }

    private BigDecimal decimal(String field) {
        String text = fields.get(field);
        try {
            return text == null ? null : new BigDecimal(text.replace(",", "").replace("$", "").strip());
        }
        catch (NumberFormatException ex) {
            setAside(field, "not a number");
            return null;
        }
    }

    private Integer whole(String field) {
        BigDecimal number = decimal(field);
        try {
            return number == null ? null : number.intValueExact();
        }
        catch (ArithmeticException ex) {
            fields.put(field, number.toPlainString());
            setAside(field, "not a whole number");
            return null;
        }
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text.strip());
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static Map<String, String> standard() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("email", "email");
        names.put("first_name", "firstName");
        names.put("last_name", "lastName");
        names.put("salutation", "salutation");
        names.put("company", "company");
        names.put("title", "title");
        names.put("phone", "phone");
        names.put("mobile", "mobile");
        names.put("URL", "website");
        names.put("url", "website");
        names.put("website", "website");
        names.put("industry", "industry");
        names.put("street", "street");
        names.put("city", "city");
        names.put("state", "region");
        names.put("state_code", "region");
        names.put("zip", "postalCode");
        names.put("postal_code", "postalCode");
        names.put("country", "country");
        names.put("country_code", "country");
        names.put("description", "description");
        names.put("lead_source", "source");
        names.put("revenue", "annualRevenue");
        names.put("annual_revenue", "annualRevenue");
        names.put("employees", "employees");
        return java.util.Collections.unmodifiableMap(names);
    }
}
