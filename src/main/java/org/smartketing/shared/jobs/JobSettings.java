package org.smartketing.shared.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code smartketing.jobs.*}.
 *
 * @param pollingInterval how often each node looks for due jobs: how late a job may fire
 * @param threads         jobs one node runs at the same time
 * @param heartbeat       how often a node marks the jobs it runs as still running; a job whose node
 *                        missed four heartbeats (it died) is given to another node
 */
@ConfigurationProperties("smartketing.jobs")
record JobSettings(@DefaultValue("10s") Duration pollingInterval, @DefaultValue("4") int threads,
        @DefaultValue("30s") Duration heartbeat) {
}
