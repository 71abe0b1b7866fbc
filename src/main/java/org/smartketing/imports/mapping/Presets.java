package org.smartketing.imports.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which of our fields a file's columns most likely are, from their headers: a Salesforce Lead
 * export, a HubSpot contacts export, or generic names (our own field names, as the lead export
 * writes them, and their common synonyms). Headers are compared without case, spaces or
 * punctuation. A preset's target that we do not have (yet) is not proposed.
 */
public final class Presets {

    /** A proposal: the preset the headers look like, and a target for each column (null: not imported). */
    public record Proposal(String preset, Map<String, String> mapping) {
    }

    static final Map<String, String> SALESFORCE = Map.ofEntries(Map.entry("id", "externalIds.salesforce"),
            Map.entry("salutation", "salutation"), Map.entry("firstname", "firstName"),
            Map.entry("lastname", "lastName"), Map.entry("title", "title"), Map.entry("company", "company"),
            Map.entry("street", "street"), Map.entry("city", "city"), Map.entry("state", "region"),
            Map.entry("postalcode", "postalCode"), Map.entry("country", "country"), Map.entry("phone", "phone"),
            Map.entry("mobilephone", "mobile"), Map.entry("email", "email"), Map.entry("website", "website"),
            Map.entry("leadsource", "source"), Map.entry("industry", "industry"),
            Map.entry("annualrevenue", "annualRevenue"), Map.entry("numberofemployees", "employees"),
            Map.entry("description", "description"), Map.entry("createddate", "originalCreatedAt"));

    static final Map<String, String> HUBSPOT = Map.ofEntries(Map.entry("recordid", "externalIds.hubspot"),
            Map.entry("firstname", "firstName"), Map.entry("lastname", "lastName"), Map.entry("email", "email"),
            Map.entry("phonenumber", "phone"), Map.entry("mobilephonenumber", "mobile"),
            Map.entry("companyname", "company"), Map.entry("jobtitle", "title"),
            Map.entry("streetaddress", "street"), Map.entry("city", "city"), Map.entry("stateregion", "region"),
            Map.entry("postalcode", "postalCode"), Map.entry("countryregion", "country"),
            Map.entry("websiteurl", "website"), Map.entry("industry", "industry"),
            Map.entry("annualrevenue", "annualRevenue"), Map.entry("numberofemployees", "employees"),
            Map.entry("originalsource", "source"), Map.entry("createdate", "originalCreatedAt"),
            Map.entry("lifecyclestage", "stage"));

    static final Map<String, String> SYNONYMS = Map.ofEntries(Map.entry("emailaddress", "email"),
            Map.entry("mail", "email"), Map.entry("telephone", "phone"), Map.entry("phonenumber", "phone"),
            Map.entry("tel", "phone"), Map.entry("mobilephone", "mobile"), Map.entry("cell", "mobile"),
            Map.entry("cellphone", "mobile"), Map.entry("givenname", "firstName"), Map.entry("forename", "firstName"),
            Map.entry("surname", "lastName"), Map.entry("familyname", "lastName"), Map.entry("companyname", "company"),
            Map.entry("organization", "company"), Map.entry("organisation", "company"), Map.entry("account", "company"),
            Map.entry("jobtitle", "title"), Map.entry("position", "title"), Map.entry("zip", "postalCode"),
            Map.entry("zipcode", "postalCode"), Map.entry("postcode", "postalCode"), Map.entry("state", "region"),
            Map.entry("province", "region"), Map.entry("countrycode", "country"), Map.entry("leadsource", "source"),
            Map.entry("labels", "tags"), Map.entry("notes", "description"), Map.entry("url", "website"),
            Map.entry("homepage", "website"), Map.entry("revenue", "annualRevenue"),
            Map.entry("numberofemployees", "employees"), Map.entry("createdat", "originalCreatedAt"));

    /** Headers only a Salesforce Lead export has together. */
    private static final Set<String> SALESFORCE_SIGNS = Set.of("id", "leadsource", "ownerid", "isconverted",
            "createddate", "masterrecordid", "lastmodifieddate");

    /** Headers only a HubSpot contacts export has together. */
    private static final Set<String> HUBSPOT_SIGNS = Set.of("recordid", "lifecyclestage", "originalsource",
            "createdate", "contactowner", "leadstatus");

    private Presets() {
    }

    /**
     * @param targets the targets we have: names, and prefixes ending with a dot ({@code custom.})
     */
    public static Proposal propose(List<String> columns, List<String> targets) {
        Predicate<String> known = target -> known(targets, target);
        Map<String, String> generic = new LinkedHashMap<>();
        for (String target : targets) {
            generic.put(key(target), target);
        }
        String preset = signs(columns, SALESFORCE_SIGNS) >= 2 ? "salesforce"
                : signs(columns, HUBSPOT_SIGNS) >= 2 ? "hubspot" : "generic";
        Map<String, String> dictionary = preset.equals("salesforce") ? SALESFORCE
                : preset.equals("hubspot") ? HUBSPOT : Map.of();
        Map<String, String> mapping = new LinkedHashMap<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (String column : columns) {
            String k = key(column);
            String target = dictionary.get(k);
            if (target == null) {
                target = generic.containsKey(k) ? generic.get(k) : SYNONYMS.get(k);
            }
            if (target == null && known.test(column.strip())) {
                target = column.strip(); // custom.<key>, externalIds.<system> as the export writes them
            }
            boolean take = target != null && known.test(target) && used.add(target);
            mapping.put(column, take ? target : null);
        }
        return new Proposal(preset, mapping);
    }

    /** Whether the target is one of these, or a key under one of their prefixes ({@code custom.size}). */
    public static boolean known(List<String> targets, String target) {
        return !target.endsWith(".") && (targets.contains(target) || targets.stream()
                .anyMatch(t -> t.endsWith(".") && target.startsWith(t)));
    }

    private static int signs(List<String> columns, Set<String> signs) {
        return (int) columns.stream().map(Presets::key).filter(signs::contains).count();
    }

    static String key(String header) {
        StringBuilder key = new StringBuilder();
        header.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }

}
