package org.smartketing.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code smartketing.mail.*}.
 *
 * @param from            the sender address on every email
 * @param attempts        tries per email before it is FAILED
 * @param firstRetryAfter the wait after the first failed try; it doubles with each further one
 * @param sendingTimeout  how long an email may stay "sending" before it counts as lost with its node
 *                        (FAILED, and not sent again: the server may have had it)
 * @param stuckCheckEvery how often one node looks for such emails
 */
@ConfigurationProperties("smartketing.mail")
record MailProperties(@DefaultValue("Smartketing <no-reply@smartketing.local>") String from,
        @DefaultValue("5") int attempts, @DefaultValue("1m") Duration firstRetryAfter,
        @DefaultValue("5m") Duration sendingTimeout, @DefaultValue("1m") Duration stuckCheckEvery) {

    /** The wait after the try numbered {@code attempt} failed: 1 → first, 2 → twice that, … */
    Duration waitAfter(int attempt) {
        return firstRetryAfter.multipliedBy(1L << Math.min(Math.max(attempt, 1) - 1, 20));
    }
}
