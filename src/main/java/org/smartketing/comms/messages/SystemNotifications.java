package org.smartketing.comms.messages;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartketing.comms.Messenger;
import org.smartketing.comms.NewMessage;
import org.smartketing.comms.Regarding;
import org.smartketing.comms.Urgency;
import org.smartketing.funnel.LeadAssigned;
import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.LeadImports;
import org.smartketing.funnel.LeadRoutingFailed;
import org.smartketing.funnel.LeadTitles;
import org.smartketing.funnel.SlaBreached;
import org.smartketing.funnel.SlaWarningReached;
import org.smartketing.shared.events.Reactions;
import org.smartketing.team.Actor;
import org.smartketing.team.AppRole;
import org.smartketing.team.AuditLog;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The funnel's notifications, sent through the router so each person gets them their own way:
 * lead assigned (NORMAL to the new owner), SLA warning (NORMAL to the owner), SLA breach (URGENT
 * to the owner, escalating to their manager), and an MQL that found no owner (NORMAL to each
 * sales manager). Comms listens to the funnel's events rather than the funnel calling comms,
 * because comms already depends on the funnel (its off-grid periods answer the funnel's
 * {@code RepAvailability}); the other direction would make a cycle.
 *
 * <p>The listeners run after the funnel's change is saved, each in its own transaction, and only for
 * a change that was saved: a notification that cannot be sent never undoes the change, and is tried
 * again (through the event publication registry) until it goes. Each sends once per event, however
 * often the event is delivered.
 */
@Component
class SystemNotifications {

    private static final Logger log = LoggerFactory.getLogger(SystemNotifications.class);
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private final Messenger messenger;
    private final TeamDirectory directory;
    private final LeadTitles leads;
    private final Reactions reactions;
    private final AuditLog audit;

    SystemNotifications(Messenger messenger, TeamDirectory directory, LeadTitles leads, Reactions reactions,
            AuditLog audit) {
        this.messenger = messenger;
        this.directory = directory;
        this.leads = leads;
        this.reactions = reactions;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(LeadAssigned assigned) {
        if (byAnImport(assigned.actor())) {
            return; // the import tells each rep once, of all the leads it gave them
        }
        once("comms.lead-assigned", assigned.eventId(), assigned.actor(), () -> {
            String lead = title(assigned.leadId());
            receiver(assigned.ownerId()).ifPresent(owner -> messenger.send(NewMessage.system(owner.id(),
                    Urgency.NORMAL, "Lead assigned: " + lead,
                    "You are the new owner of " + lead + ". The handoff agreement's clocks run from now: accept or "
                            + "reject it, then make first contact.\n", regarding(assigned.leadId(), lead))));
        });
    }

    @ApplicationModuleListener
    void on(SlaWarningReached warning) {
        once("comms.sla-warning", warning.eventId(), warning.actor(), () -> {
            String lead = title(warning.leadId());
            receiver(warning.ownerId()).ifPresent(owner -> messenger.send(NewMessage.system(owner.id(),
                    Urgency.NORMAL, "SLA warning: " + lead,
                    "Please " + task(warning.clock(), lead) + " before " + due(warning.due(), owner)
                            + ", as the handoff agreement asks.\n", regarding(warning.leadId(), lead))));
        });
    }

    /** URGENT to the owner; when they do not acknowledge in their promised time it escalates to their manager. */
    @ApplicationModuleListener
    void on(SlaBreached breach) {
        once("comms.sla-breach", breach.eventId(), breach.actor(), () -> {
            String lead = title(breach.leadId());
            receiver(breach.ownerId()).ifPresent(owner -> messenger.send(NewMessage.system(owner.id(),
                    Urgency.URGENT, "SLA breached: " + lead,
                    owner.displayName() + " did not " + task(breach.clock(), lead) + " by " + due(breach.due(), owner)
                            + ", the time the handoff agreement allows.\n", regarding(breach.leadId(), lead))));
        });
    }

    @ApplicationModuleListener
    void on(LeadRoutingFailed failed) {
        if (byAnImport(failed.actor())) {
            return; // the import tells its importer once how many of its MQLs wait for an owner
        }
        once("comms.routing-failed", failed.eventId(), failed.actor(), () -> notifyManagers(failed));
    }

    private static boolean byAnImport(Actor actor) {
        return LeadImports.ACTOR.equals(actor.system());
    }

    private void once(String reaction, UUID eventId, Actor actor, Runnable notification) {
        reactions.once(reaction, eventId, () -> audit.actingFor(actor, notification));
    }

    private void notifyManagers(LeadRoutingFailed failed) {
        String lead = leads.titleOf(failed.leadId()).orElse("A lead");
        String body = lead + " is marketing-qualified but routing found no sales owner for it.\n\n"
                + "Why: " + failed.reason() + "\n\n"
                + "It waits in the unassigned queue (GET /api/v1/leads?stage=MQL&unassigned=true). Route it again once\n"
                + "someone can take it (POST /api/v1/leads/" + failed.leadId() + "/route), or change the routing rules\n"
                + "under Admin → Lead routing.\n\nLead id: " + failed.leadId() + "\n";
        directory.enabledPeople().stream()
                .filter(p -> p.appRole() == AppRole.MANAGER
                        && (p.department() == Department.SALES || p.department() == Department.MANAGEMENT))
                .forEach(p -> messenger.send(NewMessage.system(p.id(), Urgency.NORMAL,
                        "An MQL waits for an owner: " + lead, body, regarding(failed.leadId(), lead))));
    }

    private Optional<PersonSummary> receiver(PersonId id) {
        Optional<PersonSummary> person = directory.person(id).filter(PersonSummary::enabled);
        if (person.isEmpty()) {
            log.warn("No notification for {}: unknown or disabled", id);
        }
        return person;
    }

    private String title(LeadId lead) {
        return leads.titleOf(lead).orElse(lead.toString());
    }

    static Regarding regarding(LeadId lead, String title) {
        return new Regarding("lead", lead.toString(), title.length() > 200 ? title.substring(0, 199) : title,
                LeadTitles.pathOf(lead));
    }

    private static String task(String clock, String lead) {
        return "ACCEPT".equals(clock) ? "accept or reject the lead " + lead : "make first contact with " + lead;
    }

    private static String due(java.time.Instant due, PersonSummary owner) {
        return DUE.format(due.atZone(owner.zone())) + " (" + owner.zone().getId() + ")";
    }
}
