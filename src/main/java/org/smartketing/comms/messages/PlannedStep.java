package org.smartketing.comms.messages;

import java.time.Duration;
import java.time.Instant;

import org.smartketing.comms.Channel;
import org.smartketing.team.PersonSummary;

/**
 * One step of a recipient's delivery plan.
 *
 * @param person    who this step reaches: the recipient, their delegate or the last resort
 * @param reason    why this step, for people ("off-grid until 5 Dec; they still take URGENT by text")
 * @param waitFor      how long to wait for an acknowledgement before the next step; {@code null} on the last
 * @param heldUntil when a held FYI is delivered (in the digest), or {@code null} for now
 */
record PlannedStep(PersonSummary person, Channel channel, String address, String reason, Duration waitFor,
        Instant heldUntil) {

    PlannedStep withReason(String newReason) {
        return new PlannedStep(person, channel, address, newReason, waitFor, heldUntil);
    }

    PlannedStep withWait(Duration newWait) {
        return new PlannedStep(person, channel, address, reason, newWait, heldUntil);
    }

    PlannedStep heldUntil(Instant at, String why) {
        return new PlannedStep(person, channel, address, why, waitFor, at);
    }
}
