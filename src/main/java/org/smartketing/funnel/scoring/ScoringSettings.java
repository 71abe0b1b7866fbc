package org.smartketing.funnel.scoring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code smartketing.scoring.*}.
 *
 * @param keepCurrentEvery how long after one run of the scoring job the next starts: how late a
 *                         stored score may follow decay or a rule change
 * @param batchSize        leads scored in one transaction
 * @param runFor           how long one run goes on before it leaves the rest to the next
 */
@ConfigurationProperties("smartketing.scoring")
record ScoringSettings(@DefaultValue("1m") Duration keepCurrentEvery, @DefaultValue("500") int batchSize,
        @DefaultValue("50s") Duration runFor) {
}
