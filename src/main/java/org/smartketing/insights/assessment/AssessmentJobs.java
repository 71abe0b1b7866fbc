package org.smartketing.insights.assessment;

import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * The self-assessment's persistent jobs (db-scheduler: each run picked by one node): at 06:00 UTC on
 * the first day of each quarter the quarter's round opens (once: a round per quarter), and a week
 * after a round opened, those who have not answered are reminded (once: a guarded UPDATE).
 */
@Configuration(proxyBeanMethods = false)
class AssessmentJobs {

    static final String QUARTERLY = "insights-assessment-quarter";
    static final Schedule QUARTER_START = Schedules.cron("0 0 6 1 1,4,7,10 *", ZoneOffset.UTC);

    @Bean
    RecurringTask<Void> assessmentQuarterTask(ObjectProvider<SelfAssessments> assessments) {
        return Tasks.recurring(QUARTERLY, QUARTER_START)
                .execute((instance, context) -> assessments.getObject().openThisQuarter("schedule"));
    }

    @Bean
    OneTimeTask<Void> assessmentReminderTask(ObjectProvider<SelfAssessments> assessments) {
        return Tasks.oneTime(SelfAssessments.REMINDER)
                .execute((instance, context) -> assessments.getObject().remind(UUID.fromString(instance.getId())));
    }
}
