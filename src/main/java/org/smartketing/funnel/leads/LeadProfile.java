package org.smartketing.funnel.leads;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What else is known of a lead and its company: the facts real exports carry, when the lead was
 * first created in the system it came from, its ids in other systems (by system, e.g.
 * {@code salesforce}) and the values of the admin's custom fields (by field key, as text).
 */
public record LeadProfile(String industry, BigDecimal annualRevenue, Integer employees, Instant originalCreatedAt,
        Map<String, String> externalIds, Map<String, String> custom) {

    public static final LeadProfile NONE = new LeadProfile(null, null, null, null, Map.of(), Map.of());

    public LeadProfile {
        externalIds = externalIds == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(externalIds));
        custom = custom == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(custom));
    }

    /** The company's facts only: no ids in other systems, no custom values (which may name the person). */
    public static LeadProfile anonymous(LeadProfile of) {
        return new LeadProfile(of.industry, of.annualRevenue, of.employees, null, Map.of(), Map.of());
    }

    /** This profile with every empty part filled from the other; ids and custom values are joined, ours first. */
    public LeadProfile filledFrom(LeadProfile other) {
        return new LeadProfile(industry != null ? industry : other.industry,
                annualRevenue != null ? annualRevenue : other.annualRevenue,
                employees != null ? employees : other.employees,
                originalCreatedAt != null ? originalCreatedAt : other.originalCreatedAt, joined(externalIds, other.externalIds),
                joined(custom, other.custom));
    }

    /** This profile with every part the other has replaced by the other's. */
    public LeadProfile overwrittenBy(LeadProfile other) {
        return other.filledFrom(this);
    }

    private static Map<String, String> joined(Map<String, String> mine, Map<String, String> theirs) {
        Map<String, String> all = new TreeMap<>(theirs);
        all.putAll(mine);
        return all;
    }
}
