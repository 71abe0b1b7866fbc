package org.smartketing.funnel.intake;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/** The persistent job that purges a deleted lead when its week to be restored is over. */
@Configuration(proxyBeanMethods = false)
class LeadRemovalScheduling {

    @Bean
    OneTimeTask<Void> leadPurgeTask(ObjectProvider<LeadRemoval> removal) {
        return Tasks.oneTime(LeadRemoval.PURGE_TASK)
                .execute((instance, context) -> removal.getObject().purgeIfDue(instance.getId()));
    }
}
