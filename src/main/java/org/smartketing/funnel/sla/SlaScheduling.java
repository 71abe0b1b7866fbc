package org.smartketing.funnel.sla;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The SLA's two persistent jobs. The scheduler that runs them ({@code shared.jobs}) is shared by
 * every part; a job scheduled inside a transaction commits or rolls back with it.
 */
@Configuration(proxyBeanMethods = false)
class SlaScheduling {

    @Bean
    OneTimeTask<Void> slaWarningTask(ObjectProvider<SlaClocks> clocks) {
        return Tasks.oneTime(ClockRun.Alarm.WARNING.taskName())
                .execute((instance, context) -> clocks.getObject().fire(instance.getId(), ClockRun.Alarm.WARNING));
    }

    @Bean
    OneTimeTask<Void> slaBreachTask(ObjectProvider<SlaClocks> clocks) {
        return Tasks.oneTime(ClockRun.Alarm.BREACH.taskName())
                .execute((instance, context) -> clocks.getObject().fire(instance.getId(), ClockRun.Alarm.BREACH));
    }
}
