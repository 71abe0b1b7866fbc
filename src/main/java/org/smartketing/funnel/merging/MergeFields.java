package org.smartketing.funnel.merging;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import org.smartketing.funnel.intake.IncomingLead;
import org.smartketing.funnel.intake.LeadEditing;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.shared.InvalidFieldException;

/**
 * The fields a merge chooses between, by the names the API and the edit form use (custom fields
 * as {@code custom.<key>}), and the survivor's values once the choice is made. Without a choice a
 * field keeps the survivor's value, or the other's where the survivor has none. Tags and external
 * ids are joined (the survivor's id wins within one system); the earlier original creation date stays.
 */
final class MergeFields {

    /** Keep the value of the lead merged into ({@code this}) or of the one merged away ({@code other}). */
    enum Side { THIS, OTHER }

    /** One field the two leads differ in: both values as shown, and which one a merge keeps unless told. */
    record Difference(String field, String label, Object mine, Object theirs, Side proposed) {
    }

    static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        String[][] labels = { { "salutation", "Salutation" }, { "firstName", "First name" }, { "lastName", "Last name" },
                { "email", "Email" }, { "phone", "Phone" }, { "mobile", "Mobile" }, { "company", "Company" },
                { "title", "Title" }, { "website", "Website" }, { "industry", "Industry" }, { "street", "Street" },
                { "city", "City" }, { "postalCode", "Postal code" }, { "region", "Region" }, { "country", "Country" },
                { "annualRevenue", "Annual revenue" }, { "employees", "Employees" }, { "description", "Notes" },
                { "source", "Source" }, { "campaignId", "Campaign" }, { "consent", "Marketing consent" },
                { "ownerId", "Owner" } };
        Arrays.stream(labels).forEach(l -> LABELS.put(l[0], l[1]));
    }

    private static final List<String> CONSENT = List.of("consentGiven", "consentAt", "consentMethod");

    private MergeFields() {
    }

    /** The choice as the API gives it; an unknown field or side is a 400 naming {@code keep.<field>}. */
    static Map<String, Side> parse(Map<String, String> keep) {
        Map<String, Side> sides = new TreeMap<>();
        (keep == null ? Map.<String, String>of() : keep).forEach((field, side) -> {
            if (!LABELS.containsKey(field) && !(field.startsWith("custom.") && field.length() > 7)) {
                throw new InvalidFieldException("keep." + field, "is not a field a merge chooses; see the API docs");
            }
            if (side == null || !(side.equalsIgnoreCase("this") || side.equalsIgnoreCase("other"))) {
                throw new InvalidFieldException("keep." + field, "must be this or other");
            }
            sides.put(field, side.equalsIgnoreCase("this") ? Side.THIS : Side.OTHER);
        });
        return sides;
    }

    /** Every field the two leads hold different values in, in the order of the form. */
    static List<Difference> differences(Lead mine, Lead theirs) {
        List<Difference> all = new ArrayList<>();
        IncomingLead a = LeadEditing.current(mine);
        IncomingLead b = LeadEditing.current(theirs);
        LABELS.forEach((field, label) -> {
            Object x = shown(field, mine, a);
            Object y = shown(field, theirs, b);
            if (!Objects.equals(x, y)) {
                all.add(new Difference(field, label, x, y, x == null ? Side.OTHER : Side.THIS));
            }
        });
        new TreeSet<>(union(a.customOrEmpty().keySet(), b.customOrEmpty().keySet())).forEach(key -> {
            String x = a.customOrEmpty().get(key);
            String y = b.customOrEmpty().get(key);
            if (!Objects.equals(x, y)) {
                all.add(new Difference("custom." + key, key, x, y, x == null ? Side.OTHER : Side.THIS));
            }
        });
        return all;
    }

    /** The survivor's details after the merge, as if they came in so. */
    static IncomingLead merged(Lead mine, Lead theirs, Map<String, Side> keep) {
        IncomingLead a = LeadEditing.current(mine);
        IncomingLead b = LeadEditing.current(theirs);
        RecordComponent[] components = IncomingLead.class.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            Object x = value(components[i], a);
            Object y = value(components[i], b);
            String field = CONSENT.contains(name) ? "consent" : name;
            values[i] = switch (name) {
                case "tags" -> tags(a, b);
                case "externalIds" -> joined(b.externalIdsOrEmpty(), a.externalIdsOrEmpty());
                case "custom" -> custom(a.customOrEmpty(), b.customOrEmpty(), keep);
                case "originalCreatedAt" -> earlier(a.originalCreatedAt(), b.originalCreatedAt());
                default -> pick(keep.get(field), CONSENT.contains(name) ? a.consentGiven() : x,
                        CONSENT.contains(name) ? b.consentGiven() : y, x, y);
            };
        }
        try {
            Constructor<IncomingLead> canonical = IncomingLead.class.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(values);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Whose owner the survivor has after the merge. */
    static java.util.UUID owner(Lead mine, Lead theirs, Map<String, Side> keep) {
        Side side = keep.get("ownerId");
        if (side == null) {
            return mine.ownerId() != null ? mine.ownerId() : theirs.ownerId();
        }
        return side == Side.THIS ? mine.ownerId() : theirs.ownerId();
    }

    private static Object shown(String field, Lead lead, IncomingLead in) {
        if (field.equals("ownerId")) {
            return lead.ownerId();
        }
        if (field.equals("consent")) {
            return lead.consent().given() ? "Given" + (lead.consent().method() == null ? "" : ", " + lead.consent().method())
                    : null;
        }
        return Arrays.stream(IncomingLead.class.getRecordComponents()).filter(c -> c.getName().equals(field)).findFirst()
                .map(c -> value(c, in)).orElse(null);
    }

    /**
     * The chosen side's value; without a choice, the survivor's unless it has none. For consent the
     * group goes with the side whose {@code given} decides (the given one when not chosen).
     */
    private static Object pick(Side side, Object decidingMine, Object decidingTheirs, Object mine, Object theirs) {
        if (side == Side.THIS) {
            return mine;
        }
        if (side == Side.OTHER) {
            return theirs;
        }
        boolean mineEmpty = decidingMine == null || Boolean.FALSE.equals(decidingMine)
                || decidingMine instanceof String s && s.isBlank();
        return mineEmpty && decidingTheirs != null ? theirs : mine;
    }

    private static List<String> tags(IncomingLead a, IncomingLead b) {
        List<String> all = union(a.tags() == null ? List.of() : a.tags(), b.tags() == null ? List.of() : b.tags());
        return all.subList(0, Math.min(20, all.size()));
    }

    private static Map<String, String> custom(Map<String, String> mine, Map<String, String> theirs, Map<String, Side> keep) {
        Map<String, String> all = new TreeMap<>();
        union(mine.keySet(), theirs.keySet()).forEach(key -> {
            Side side = keep.get("custom." + key);
            String value = side == Side.THIS ? mine.get(key) : side == Side.OTHER ? theirs.get(key)
                    : mine.get(key) != null ? mine.get(key) : theirs.get(key);
            if (value != null) {
                all.put(key, value);
            }
        });
        return all;
    }

    private static Map<String, String> joined(Map<String, String> weaker, Map<String, String> stronger) {
        Map<String, String> all = new TreeMap<>(weaker);
        all.putAll(stronger);
        return all;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static <T> List<T> union(java.util.Collection<T> a, java.util.Collection<T> b) {
        LinkedHashSet<T> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return new ArrayList<>(all);
    }

    private static Object value(RecordComponent component, IncomingLead in) {
        try {
            return component.getAccessor().invoke(in);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
