package org.smartketing.funnel;

import java.util.Optional;

import org.smartketing.funnel.leads.Leads;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What people call a lead, for other parts that tell people about it (notifications, reminders). */
@Service
@Transactional(readOnly = true)
public class LeadTitles {

    private final Leads leads;

    LeadTitles(Leads leads) {
        this.leads = leads;
    }

    /** "Ada Lovelace (Analytical Engines)", or empty for an unknown lead. */
    public Optional<String> titleOf(LeadId lead) {
        return leads.byId(lead).map(l -> l.displayName()
                + (l.contact().company() == null ? "" : " (" + l.contact().company() + ")"));
    }

    /** The lead's page, relative to the application. */
    public static String pathOf(LeadId lead) {
        return "/leads/" + lead;
    }
}
