package org.smartketing.meetings.running;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/** The follow-up jobs of action items, run by the shared scheduler. */
@Configuration(proxyBeanMethods = false)
class RunnerScheduling {

    @Bean
    OneTimeTask<Void> meetingItemReminderTask(ObjectProvider<Reminders> reminders) {
        return task(Reminders.Kind.REMINDER, reminders);
    }

    @Bean
    OneTimeTask<Void> meetingItemOverdueTask(ObjectProvider<Reminders> reminders) {
        return task(Reminders.Kind.OVERDUE, reminders);
    }

    @Bean
    OneTimeTask<Void> meetingItemEscalationTask(ObjectProvider<Reminders> reminders) {
        return task(Reminders.Kind.ESCALATION, reminders);
    }

    private static OneTimeTask<Void> task(Reminders.Kind kind, ObjectProvider<Reminders> reminders) {
        return Tasks.oneTime(kind.task())
                .execute((instance, context) -> reminders.getObject().fire(kind, instance.getId()));
    }
}
