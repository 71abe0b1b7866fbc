package org.smartketing.funnel.leads;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the audit log keeps of a lead before and after a change. */
public final class LeadSnapshot {

    private LeadSnapshot() {
    }

    public static Map<String, Object> of(Lead l) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("email", l.contact().email());
        Contact c = l.contact();
        s.put("phone", c.phone());
        s.put("mobile", c.mobile());
        s.put("name", l.displayName());
        s.put("salutation", c.salutation());
        s.put("title", c.title());
        s.put("company", c.company());
        s.put("website", c.website());
        s.put("street", c.address().street());
        s.put("city", c.address().city());
        s.put("postalCode", c.address().postalCode());
        s.put("region", c.region());
        s.put("country", c.country());
        s.put("industry", l.profile().industry());
        s.put("annualRevenue", l.profile().annualRevenue() == null ? null : l.profile().annualRevenue().toPlainString());
        s.put("employees", l.profile().employees());
        s.put("externalIds", l.profile().externalIds());
        s.put("custom", l.profile().custom());
        s.put("stage", l.stage().name());
        s.put("owner", l.ownerId() == null ? null : l.ownerId().toString());
        s.put("score", l.score());
        s.put("source", l.source());
        s.put("campaign", l.campaignId() == null ? null : l.campaignId().toString());
        s.put("tags", l.tags());
        s.put("amount", l.amount() == null ? null : l.amount().toString());
        return s;
    }
}
