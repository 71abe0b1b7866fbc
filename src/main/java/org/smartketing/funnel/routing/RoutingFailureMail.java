package org.smartketing.funnel.routing;

import org.smartketing.funnel.LeadRoutingFailed;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.mail.Mailer;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.TeamDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the sales managers (app role manager, in sales or management) by email that an MQL found
 * no owner. Sent in the routing transaction, so the outbox has it exactly when the lead is queued.
 * The communication part will take this over and reach each manager their own way.
 */
@Component
class RoutingFailureMail {

    private final TeamDirectory directory;
    private final Leads leads;
    private final Mailer mailer;

    RoutingFailureMail(TeamDirectory directory, Leads leads, Mailer mailer) {
        this.directory = directory;
        this.leads = leads;
        this.mailer = mailer;
    }

    @EventListener
    void on(LeadRoutingFailed failed) {
        String lead = leads.byId(failed.leadId()).map(l -> l.displayName()
                + (l.contact().company() == null ? "" : " (" + l.contact().company() + ")")).orElse("A lead");
        String body = lead + " is marketing-qualified but routing found no sales owner for it.\n\n"
                + "Why: " + failed.reason() + "\n\n"
                + "It waits in the unassigned queue (GET /api/v1/leads?stage=MQL&unassigned=true). Route it again once\n"
                + "someone can take it (POST /api/v1/leads/" + failed.leadId() + "/route), or change the routing rules\n"
                + "under Admin → Lead routing.\n\nLead id: " + failed.leadId() + "\n";
        directory.enabledPeople().stream()
                .filter(p -> p.appRole() == AppRole.MANAGER
                        && (p.department() == Department.SALES || p.department() == Department.MANAGEMENT))
                .forEach(p -> mailer.send(p.email(), "An MQL waits for an owner: " + lead, body));
    }
}
