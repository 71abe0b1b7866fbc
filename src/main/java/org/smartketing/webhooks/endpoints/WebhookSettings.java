package org.smartketing.webhooks.endpoints;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code smartketing.webhooks.*}. How far a call may reach and how long it may take are the
 * outbound settings every outgoing call shares ({@code smartketing.comms.outbound.*}).
 *
 * @param firstRetryAfter        the wait after a first failed attempt; each further wait doubles
 * @param longestWait            no wait between two attempts is longer
 * @param retryFor               how long a delivery is tried from its first attempt before it fails
 * @param disableAfterFailures   an endpoint is turned off after this many failed attempts in a row ...
 * @param disableAfterFailingFor ... that have gone on at least this long (a short outage does not)
 * @param rotationOverlap        how long the secret before a rotation still signs beside the new one
 * @param staleSendingAfter      an attempt whose node stopped mid-call is tried again after this
 */
@ConfigurationProperties("smartketing.webhooks")
public record WebhookSettings(@DefaultValue("30s") Duration firstRetryAfter, @DefaultValue("12h") Duration longestWait,
        @DefaultValue("3d") Duration retryFor, @DefaultValue("10") int disableAfterFailures,
        @DefaultValue("1d") Duration disableAfterFailingFor, @DefaultValue("24h") Duration rotationOverlap,
        @DefaultValue("5m") Duration staleSendingAfter) {

    /** The wait after the attempt numbered {@code attempt} (1 for the first) failed. */
    public Duration waitAfter(int attempt) {
        Duration wait = firstRetryAfter;
        for (int i = 1; i < attempt && wait.compareTo(longestWait) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }
}
