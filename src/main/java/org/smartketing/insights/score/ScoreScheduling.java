package org.smartketing.insights.score;

import java.time.ZoneOffset;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * The weekly snapshot of the smart-keting score, a persistent job of the shared scheduler: on
 * Mondays at 00:30 UTC, on one node; missed while the app was down, it runs when it is up again.
 */
@Configuration(proxyBeanMethods = false)
class ScoreScheduling {

    static final String SNAPSHOT_TASK = "insights-score-snapshot";

    @Bean
    RecurringTask<Void> insightsScoreSnapshotTask(ObjectProvider<SmartketingScores> scores) {
        return Tasks.recurring(SNAPSHOT_TASK, Schedules.cron("0 30 0 * * MON", ZoneOffset.UTC))
                .execute((instance, context) -> scores.getObject().snapshotMissingWeeks());
    }
}
