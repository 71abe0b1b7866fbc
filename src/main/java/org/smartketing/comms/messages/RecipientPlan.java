package org.smartketing.comms.messages;

import java.time.Duration;
import java.util.List;

import org.smartketing.team.PersonSummary;

/**
 * How one recipient is reached: the steps in order, each after the one before went unacknowledged.
 *
 * @param promised the response time the recipient promised for the urgency, or {@code null} for FYI
 */
record RecipientPlan(PersonSummary recipient, Duration promised, List<PlannedStep> steps) {
}
