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
 * punctuation. A preset's target that we do not have (yet) is not proposed. Files of activities
 * have their own presets: a Salesforce Task export and a HubSpot engagements export.
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

    /** A Salesforce Task export: WhoId is the lead's (or contact's) Salesforce id. */
    static final Map<String, String> SALESFORCE_TASKS = Map.ofEntries(Map.entry("whoid", "lead.externalIds.salesforce"),
            Map.entry("subject", "subject"), Map.entry("activitydate", "occurredAt"),
            Map.entry("completeddatetime", "occurredAt"), Map.entry("type", "type"),
            Map.entry("tasksubtype", "type"), Map.entry("description", "notes"),
            Map.entry("owneremail", "owner"));

    /** A HubSpot export of activities (engagements): calls, emails, meetings with their contact. */
    static final Map<String, String> HUBSPOT_ENGAGEMENTS = Map.ofEntries(
            Map.entry("associatedcontactid", "lead.externalIds.hubspot"),
            Map.entry("contactid", "lead.externalIds.hubspot"),
            Map.entry("associatedcontactemail", "lead.email"), Map.entry("contactemail", "lead.email"),
            Map.entry("engagementtype", "type"), Map.entry("activitytype", "type"),
            Map.entry("activitydate", "occurredAt"), Map.entry("createdate", "occurredAt"),
            Map.entry("timestamp", "occurredAt"), Map.entry("subject", "subject"), Map.entry("calltitle", "subject"),
            Map.entry("meetingname", "subject"), Map.entry("emailsubject", "subject"), Map.entry("body", "notes"),
            Map.entry("callnotes", "notes"), Map.entry("notes", "notes"),
            Map.entry("activityassignedto", "owner"), Map.entry("owneremail", "owner"),
            Map.entry("hubspotowneremail", "owner"));

    static final Map<String, String> ACTIVITY_SYNONYMS = Map.ofEntries(Map.entry("email", "lead.email"),
            Map.entry("emailaddress", "lead.email"), Map.entry("leademail", "lead.email"),
            Map.entry("contactemail", "lead.email"), Map.entry("phone", "lead.phone"),
            Map.entry("leadphone", "lead.phone"), Map.entry("phonenumber", "lead.phone"),
            Map.entry("activitytype", "type"), Map.entry("kind", "type"), Map.entry("date", "occurredAt"),
            Map.entry("datetime", "occurredAt"), Map.entry("when", "occurredAt"), Map.entry("activitydate", "occurredAt"),
            Map.entry("title", "subject"), Map.entry("description", "notes"), Map.entry("comments", "notes"),
            Map.entry("outcome", "notes"), Map.entry("body", "notes"), Map.entry("owneremail", "owner"),
            Map.entry("assignedto", "owner"), Map.entry("user", "owner"), Map.entry("rep", "owner"));

    private static final Set<String> SALESFORCE_TASK_SIGNS = Set.of("whoid", "whatid", "activitydate", "tasksubtype",
            "calltype", "isclosed", "calldurationinseconds");

    private static final Set<String> HUBSPOT_ENGAGEMENT_SIGNS = Set.of("engagementid", "engagementtype",
            "activityassignedto", "associatedcontactid", "associatedcontact", "calltitle", "callnotes");

    private Presets() {
    }

    /** The same for a file of activities: a Salesforce Task export, a HubSpot engagements export, or generic names. */
    public static Proposal proposeActivities(List<String> columns, List<String> targets) {
        String preset = signs(columns, SALESFORCE_TASK_SIGNS) >= 2 ? "salesforce-tasks"
                : signs(columns, HUBSPOT_ENGAGEMENT_SIGNS) >= 2 ? "hubspot-engagements" : "generic";
        return propose(preset, columns, targets, preset.equals("salesforce-tasks") ? SALESFORCE_TASKS
                : preset.equals("hubspot-engagements") ? HUBSPOT_ENGAGEMENTS : Map.of(), ACTIVITY_SYNONYMS);
    }

    /**
     * @param targets the targets we have: names, and prefixes ending with a dot ({@code custom.})
     */
    public static Proposal propose(List<String> columns, List<String> targets) {
        String preset = signs(columns, SALESFORCE_SIGNS) >= 2 ? "salesforce"
                : signs(columns, HUBSPOT_SIGNS) >= 2 ? "hubspot" : "generic";
        return propose(preset, columns, targets, preset.equals("salesforce") ? SALESFORCE
                : preset.equals("hubspot") ? HUBSPOT : Map.of(), SYNONYMS);
    }

    private static Proposal propose(String preset, List<String> columns, List<String> targets,
            Map<String, String> dictionary, Map<String, String> synonyms) {
        Predicate<String> known = target -> known(targets, target);
        Map<String, String> generic = new LinkedHashMap<>();
        for (String target : targets) {
            generic.put(key(target), target);
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        java.util.Set<String> used = new java.util.HashSet<>();
        for (String column : columns) {
            String k = key(column);
            String target = dictionary.get(k);
            if (target == null) {
                target = generic.containsKey(k) ? generic.get(k) : synonyms.get(k);
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
