package org.smartketing.funnel;

import java.time.Instant;
import java.util.UUID;

import org.smartketing.funnel.sla.SlaClocks;
import org.springframework.stereotype.Service;

/**
 * The handoff clocks as other parts see them. The clocks start when a lead is assigned and stop
 * when it is accepted or rejected (accept clock) and at the first contact (first-contact clock);
 * the activity log reports contacts here.
 */
@Service
public class HandoffSla {

    private final SlaClocks clocks;

    HandoffSla(SlaClocks clocks) {
        this.clocks = clocks;
    }

    /**
     * The owner (or anyone) reached the lead at {@code at}: a call, an email, a meeting, a demo.
     * Stops the lead's running first-contact clock; does nothing when none runs. Call it inside the
     * transaction that records the contact.
     *
     * @param personId who made the contact
     */
    public void firstContact(LeadId lead, UUID personId, Instant at) {
        clocks.firstContact(lead, personId, at);
    }
}
