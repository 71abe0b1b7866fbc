package org.smartketing.funnel.routing;

import org.smartketing.shared.Text;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.smartketing.funnel.leads.Lead;

/**
 * Which MQLs go to which pool of sales people. A rule matches a lead in its territory (the lead's
 * country and, when set, its region) and of its segment (the lead carries a tag equal to the
 * segment, such as "enterprise"); a part left empty matches every lead. Within the pool leads go
 * round-robin to the next rep who is available and below the open-lead cap.
 *
 * @param openLeadCap the most open leads (MQL, SAL, SQL, OPPORTUNITY) a rep of this pool may own;
 *                    null for the global default
 */
public record RoutingRule(UUID id, String name, String country, String region, String segment, List<UUID> pool,
        Integer openLeadCap) {

    public RoutingRule {
        country = Text.blankToNull(country) == null ? null : country.strip().toUpperCase(Locale.ROOT);
        region = Text.blankToNull(region);
        segment = Text.blankToNull(segment);
        pool = List.copyOf(pool);
    }

    public boolean matches(Lead lead) {
        return (country == null || country.equalsIgnoreCase(lead.contact().country()))
                && (region == null || region.equalsIgnoreCase(strip(lead.contact().region())))
                && (segment == null || lead.tags().stream().anyMatch(t -> t.strip().equalsIgnoreCase(segment)));
    }

    /** For people: "DE / Bavaria, segment enterprise" or "every lead". */
    public String territory() {
        String where = country == null ? "" : country + (region == null ? "" : " / " + region);
        String what = segment == null ? "" : "segment " + segment;
        String both = where.isEmpty() ? what : what.isEmpty() ? where : where + ", " + what;
        return both.isEmpty() ? "every lead" : both;
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
