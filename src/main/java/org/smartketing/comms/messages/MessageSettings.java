package org.smartketing.comms.messages;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code smartketing.messages.*}.
 *
 * @param attemptsPerChannel how often a step is tried on its channel before the plan falls through to the next step
 * @param firstRetryAfter    the wait before the second attempt; it doubles for each further one
 * @param linkKey            the key that signs acknowledgement links (base64, at least 32 bytes); without it
 *                           one is made on first use and kept in the database, shared by every node
 * @param sendingTimeout     how long a step may be SENDING before it counts as stuck (its node stopped) and fails;
 *                           longer than any channel's whole call
 * @param stuckCheckEvery    how often a node looks for stuck steps
 */
@ConfigurationProperties("smartketing.messages")
record MessageSettings(@DefaultValue("3") int attemptsPerChannel, @DefaultValue("30s") Duration firstRetryAfter,
        String linkKey, @DefaultValue("5m") Duration sendingTimeout, @DefaultValue("1m") Duration stuckCheckEvery) {

    Duration retryAfter(int attemptsSoFar) {
        return firstRetryAfter.multipliedBy(1L << Math.min(Math.max(attemptsSoFar - 1, 0), 10));
    }
}
