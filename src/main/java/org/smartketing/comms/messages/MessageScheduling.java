package org.smartketing.comms.messages;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The outbox's persistent jobs: one plan step, one person's digest of held FYI messages, and the
 * recurring look for steps stuck in SENDING.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessageSettings.class)
class MessageScheduling {

    @Bean
    OneTimeTask<Void> messageStepTask(ObjectProvider<Outbox> outbox) {
        return Tasks.oneTime(Outbox.STEP_TASK)
                .execute((instance, context) -> outbox.getObject().runStep(instance.getId()));
    }

    @Bean
    OneTimeTask<Void> messageDigestTask(ObjectProvider<Outbox> outbox) {
        return Tasks.oneTime(Outbox.DIGEST_TASK)
                .execute((instance, context) -> outbox.getObject().runDigest(instance.getId()));
    }

    @Bean
    RecurringTask<Void> messageStuckStepsTask(ObjectProvider<Outbox> outbox, MessageSettings settings) {
        return Tasks.recurring(Outbox.STUCK_TASK, FixedDelay.of(settings.stuckCheckEvery()))
                .execute((instance, context) -> outbox.getObject().recoverStuck());
    }
}
