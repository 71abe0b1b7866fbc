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
        s.put("phone", l.contact().phoneE164());
        s.put("name", l.displayName());
        s.put("company", l.contact().company());
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
