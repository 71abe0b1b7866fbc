package org.smartketing.funnel.leads;

import java.util.UUID;

import org.smartketing.activity.ActivityLog;
import org.smartketing.activity.ActivityLogged;
import org.smartketing.activity.ActivitySource;
import org.smartketing.activity.ActivitySubjects;
import org.smartketing.activity.ActivityType;
import org.smartketing.activity.NewActivity;
import org.smartketing.funnel.HandoffSla;
import org.smartketing.funnel.LeadEngagement;
import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.LeadStageChanged;
import org.smartketing.funnel.campaigns.Campaigns;
import org.smartketing.shared.events.Reactions;
import org.smartketing.team.AuditLog;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The funnel's side of the shared activity log: it tells the log which leads and campaigns exist,
 * and writes every stage change a person makes into it, so goals can count handoffs like any
 * other activity.
 */
@Component
class FunnelActivities implements ActivitySubjects {

    private final Leads leads;
    private final Campaigns campaigns;
    private final ActivityLog activityLog;
    /** What counts as reaching the lead, for the first-contact clock. */
    static final java.util.Set<ActivityType> CONTACTS = java.util.EnumSet.of(ActivityType.CALL, ActivityType.EMAIL,
            ActivityType.MEETING, ActivityType.DEMO);

    private final LeadEngagement engagement;
    private final HandoffSla sla;
    private final Reactions reactions;
    private final AuditLog audit;

    FunnelActivities(Leads leads, Campaigns campaigns, ActivityLog activityLog, LeadEngagement engagement,
            HandoffSla sla, Reactions reactions, AuditLog audit) {
        this.sla = sla;
        this.reactions = reactions;
        this.audit = audit;
        this.engagement = engagement;
        this.leads = leads;
        this.campaigns = campaigns;
        this.activityLog = activityLog;
    }

    @Override
    public boolean leadExists(UUID id) {
        return leads.byId(new LeadId(id)).isPresent();
    }

    @Override
    public boolean campaignExists(UUID id) {
        return campaigns.exists(id);
    }

    /**
     * A call, email, webinar... about a lead counts toward its engagement score, and a contact stops
     * its first-contact clock. After the activity is stored, in a transaction of its own: a scoring
     * or clock failure never loses the activity, and the reaction is tried again until it holds.
     * Another part may know lead ids the funnel does not (tests do); only the funnel's own leads score.
     */
    @ApplicationModuleListener(condition = "#logged.leadId() != null and #logged.type().name() != 'STAGE_CHANGE'")
    void activityLogged(ActivityLogged logged) {
        reactions.once("funnel.activity-engagement", logged.eventId(), () -> audit.actingFor(logged.actor(), () -> {
            if (!leadExists(logged.leadId())) {
                return;
            }
            LeadId lead = new LeadId(logged.leadId());
            engagement.record(lead, logged.type().name(), logged.occurredAt());
            if (CONTACTS.contains(logged.type())) {
                sla.firstContact(lead, logged.actor().personId().value(), logged.occurredAt());
            }
        }));
    }

    /**
     * A person's stage change goes into the shared log as their activity, after the change is saved:
     * a log that refuses it (the mover disabled meanwhile) never undoes the move.
     */
    @ApplicationModuleListener(condition = "#change.actor().isPerson() and #change.from() != null")
    void stageChanged(LeadStageChanged change) {
        String outcome = change.from().label() + " → " + change.to().label()
                + (change.reason() == null ? "" : ": " + change.reason().replaceAll("[<>]", ""));
        reactions.once("funnel.stage-change-activity", change.eventId(), () -> audit.actingFor(change.actor(),
                () -> activityLog.log(new NewActivity(ActivityType.STAGE_CHANGE, change.actor().personId(),
                        change.occurredAt(), outcome.length() > 500 ? outcome.substring(0, 500) : outcome,
                        change.leadId().value(), null, ActivitySource.AUTOMATIC))));
    }
}
