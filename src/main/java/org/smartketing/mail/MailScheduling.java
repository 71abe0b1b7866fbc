package org.smartketing.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/** The outbox's persistent jobs: one try of one email, and the recurring look for emails lost while sending. */
@Configuration(proxyBeanMethods = false)
class MailScheduling {

    @Bean
    OneTimeTask<Void> mailSendTask(ObjectProvider<MailDelivery> delivery) {
        return Tasks.oneTime(MailDelivery.SEND_TASK)
                .execute((instance, context) -> delivery.getObject().run(instance.getId()));
    }

    @Bean
    RecurringTask<Void> mailLostSendingTask(ObjectProvider<MailDelivery> delivery, MailProperties properties) {
        return Tasks.recurring(MailDelivery.LOST_TASK, FixedDelay.of(properties.stuckCheckEvery()))
                .execute((instance, context) -> delivery.getObject().failLost());
    }
}
