package org.smartketing.comms.messages;

import java.util.Optional;

import org.smartketing.comms.Regarding;
import org.smartketing.comms.RegardingTargets;
import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.LeadTitles;
import org.smartketing.team.SignedInPerson;
import org.springframework.stereotype.Component;

/** Messages about a lead: named and checked through the funnel's public {@link LeadTitles}. */
@Component
class LeadTargets implements RegardingTargets {

    private final LeadTitles leads;

    LeadTargets(LeadTitles leads) {
        this.leads = leads;
    }

    @Override
    public String kind() {
        return "lead";
    }

    @Override
    public Optional<Regarding> find(String id, SignedInPerson viewer) {
        // Every signed-in person may open every lead (RoleMatrixTests: GET /leads/{id}).
        return RegardingTargets.uuidOf(id).map(LeadId::new)
                .flatMap(lead -> leads.titleOf(lead).map(title -> SystemNotifications.regarding(lead, title)));
    }
}
