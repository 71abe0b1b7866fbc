package org.smartketing.shared.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code smartketing.jobs.*}.
 *
 * @param pollingInterval how often each node looks for due jobs: how late a job may fire
 * @param threads         jobs one node runs at the same time
 */
@ConfigurationProperties("smartketing.jobs")
record JobSettings(@DefaultValue("10s") Duration pollingInterval, @DefaultValue("4") int threads) {
}
