package org.smartketing.comms.messages;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/** The outbox's two persistent jobs: one plan step, and one person's digest of held FYI messages. */
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
}
