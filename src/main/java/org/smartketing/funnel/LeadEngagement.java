package org.smartketing.funnel;

import java.time.Instant;

import org.smartketing.funnel.scoring.LeadScoring;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How other parts tell the funnel that a lead did something (came in again, attended a webinar,
 * took a call). Each engagement is kept and counts towards the lead's score with the points the
 * admin set for its activity type, halving with the type's half-life; reaching the MQL threshold
 * makes the lead marketing-qualified.
 */
@Service
@Transactional
public class LeadEngagement {

    /** The activity type intake records for each time a lead comes in (created or merged). */
    public static final String TOUCH = "TOUCH";

    private final LeadScoring scoring;

    LeadEngagement(LeadScoring scoring) {
        this.scoring = scoring;
    }

    /**
     * Records that the lead engaged at that moment and rescores it, inside the caller's
     * transaction when there is one.
     *
     * @param activityType letters and {@code _}, such as CALL, EMAIL, WEBINAR, EVENT, CONTENT,
     *                     CAMPAIGN, MEETING, DEMO or TOUCH (case is ignored); a type without a
     *                     rule is kept with no points
     * @throws org.smartketing.shared.NotFoundException     for an unknown lead
     * @throws org.smartketing.shared.InvalidFieldException for a malformed type or a missing time
     */
    public void record(LeadId lead, String activityType, Instant occurredAt) {
        scoring.engaged(lead, activityType, occurredAt);
    }
}
