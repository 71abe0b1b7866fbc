package org.smartketing.funnel.pages;

import java.util.List;
import java.util.Optional;

import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.team.SearchSection;
import org.smartketing.team.SignedInPerson;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Leads found by name, email or company, newest first, through the lead list's own search. */
@Component
@Order(10)
class LeadsInSearch implements SearchSection {

    private final Leads leads;

    LeadsInSearch(Leads leads) {
        this.leads = leads;
    }

    @Override
    public Optional<Group> search(String text, SignedInPerson viewer, int limit) {
        Leads.Slice slice = leads.find(new Leads.Filter(null, null, null, null, text, false), null, limit);
        List<Hit> hits = slice.items().stream().map(LeadsInSearch::hit).toList();
        return Optional.of(new Group("leads", "Leads", hits,
                slice.nextCursor() == null ? null : SearchSection.listed("/leads", text)));
    }

    private static Hit hit(Lead lead) {
        String company = lead.contact().company();
        String detail = lead.stage().label() + (company == null ? "" : " · " + company)
                + (lead.contact().email() == null ? "" : " · " + lead.contact().email());
        return new Hit(lead.displayName(), detail, "/leads/" + lead.id());
    }
}
