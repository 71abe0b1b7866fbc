package org.smartketing.crosstraining.sessions;

import java.time.Instant;

import org.smartketing.activity.ActivityType;
import org.smartketing.crosstraining.AskId;
import org.smartketing.crosstraining.SessionId;
import org.smartketing.team.PersonId;

/**
 * What a learner wants to see ("an account executive's discovery call"), optionally narrowed to a
 * job role and a kind of activity, so matching offers can be shown first. Matched once, with one
 * click, to an offer: the learner takes its seat.
 */
public record Ask(AskId id, PersonId learnerId, String wants, String jobRole, ActivityType activityType, Status status,
        SessionId sessionId, Instant createdAt) {

    public enum Status {
        OPEN, MATCHED, WITHDRAWN
    }

    public boolean open() {
        return status == Status.OPEN;
    }

    /** Whether an offer is what the ask is for: same job role and kind of work, where the ask names them. */
    public boolean fits(Offer offer, String hostJobRole) {
        boolean role = jobRole == null || jobRole.equalsIgnoreCase(hostJobRole == null ? "" : hostJobRole);
        boolean type = activityType == null || activityType.name().equals(offer.work().type());
        return role && type;
    }
}
