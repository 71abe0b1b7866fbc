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
import org.smartketing.team.PersonId;
import org.springframework.context.event.EventListener;
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

    FunnelActivities(Leads leads, Campaigns campaigns, ActivityLog activityLog, LeadEngagement engagement,
            HandoffSla sla) {
        this.sla = sla;
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

    /** A call, email, webinar... about a lead counts toward its engagement score. */
    @EventListener
    void activityLogged(ActivityLogged logged) {
        // Another part may know lead ids the funnel does not (tests do); only the funnel's own leads score.
        if (logged.leadId() != null && logged.type() != ActivityType.STAGE_CHANGE && leadExists(logged.leadId())) {
            engagement.record(new LeadId(logged.leadId()), logged.type().name(), logged.occurredAt());
            if (CONTACTS.contains(logged.type())) {
                sla.firstContact(new LeadId(logged.leadId()), logged.personId().value(), logged.occurredAt());
            }
        }
    }

    /** Runs inside the stage change's transaction: the change and its activity stand or fall together. */
    @EventListener
    void stageChanged(LeadStageChanged change) {
        if (change.actorId() == null || change.from() == null) {
            return;
        }
        String outcome = change.from().label() + " → " + change.to().label()
                + (change.reason() == null ? "" : ": " + change.reason().replaceAll("[<>]", ""));
        activityLog.log(new NewActivity(ActivityType.STAGE_CHANGE, new PersonId(change.actorId()), change.occurredAt(),
                outcome.length() > 500 ? outcome.substring(0, 500) : outcome, change.leadId().value(), null,
                ActivitySource.AUTOMATIC));
    }
}
