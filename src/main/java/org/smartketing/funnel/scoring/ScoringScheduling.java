package org.smartketing.funnel.scoring;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** The recurring job that keeps stored scores current (persistent, one node at a time). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScoringSettings.class)
class ScoringScheduling {

    static final String KEEP_CURRENT_TASK = "funnel-score-keeping";

    @Bean
    RecurringTask<Void> scoreKeepingTask(ObjectProvider<ScoreKeeping> keeping, ScoringSettings settings) {
        return Tasks.recurring(KEEP_CURRENT_TASK, FixedDelay.of(settings.keepCurrentEvery()))
                .execute((instance, context) -> keeping.getObject().catchUp());
    }
}
