package org.smartketing.webhooks.delivery;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/** The persistent job of one attempt of one delivery, id {@code <delivery>/<attempt>}. */
@Configuration(proxyBeanMethods = false)
class DeliveryScheduling {

    @Bean
    OneTimeTask<Void> webhookAttemptTask(ObjectProvider<Delivering> delivering) {
        return Tasks.oneTime(Delivering.ATTEMPT_TASK)
                .execute((instance, context) -> delivering.getObject().attempt(instance.getId()));
    }
}
