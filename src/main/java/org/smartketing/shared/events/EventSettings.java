package org.smartketing.shared.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code smartketing.events.*}: how reactions to events that failed are tried again.
 *
 * @param resubmitEvery    how often one node looks for failed publications to try again
 * @param firstRetryAfter  the wait after the first failure; it doubles with every further try
 * @param longestRetryWait the doubling stops here: a reaction that keeps failing is tried this often
 * @param lostAfter        a publication still waiting or in progress this long after its last try
 *                         started counts as lost (its node stopped) and is tried again
 * @param batchSize        publications tried again per look
 * @param keepCompleted    how long completed publications (and the marks of reactions done) are kept
 */
@ConfigurationProperties("smartketing.events")
public record EventSettings(@DefaultValue("30s") Duration resubmitEvery, @DefaultValue("30s") Duration firstRetryAfter,
        @DefaultValue("1h") Duration longestRetryWait, @DefaultValue("10m") Duration lostAfter,
        @DefaultValue("100") int batchSize, @DefaultValue("7d") Duration keepCompleted) {

    /** The wait before the next try of a publication tried {@code attempts} times: 1 → first, 2 → twice that, … */
    Duration waitAfter(int attempts) {
        int doublings = Math.min(Math.max(attempts, 1) - 1, 30);
        Duration wait = firstRetryAfter.multipliedBy(1L << doublings);
        return wait.compareTo(longestRetryWait) > 0 ? longestRetryWait : wait;
    }
}
