package org.smartketing.shared.events;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** The registry's two recurring jobs, each run by one node at a time ({@code shared.jobs}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventSettings.class)
class EventScheduling {

    static final String RESUBMIT_TASK = "event-publications-resubmit";
    static final String CLEAN_UP_TASK = "event-publications-clean-up";

    @Bean
    RecurringTask<Void> eventResubmissionTask(ObjectProvider<Resubmission> resubmission, EventSettings settings) {
        return Tasks.recurring(RESUBMIT_TASK, FixedDelay.of(settings.resubmitEvery()))
                .execute((instance, context) -> resubmission.getObject().resubmitDue());
    }

    @Bean
    RecurringTask<Void> eventCleanUpTask(ObjectProvider<Resubmission> resubmission) {
        return Tasks.recurring(CLEAN_UP_TASK, FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> resubmission.getObject().cleanUp());
    }
}
