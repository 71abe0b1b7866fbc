package org.smartketing.activity.counts;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The persistent job that rebuilds the activity counts (db-scheduler through {@code shared.jobs}):
 * asked for by an admin, and at start while activities logged before departments were kept lack one.
 */
@Configuration(proxyBeanMethods = false)
public class CountScheduling {

    static final String REBUILD_TASK = "activity-counts-rebuild";

    @Bean
    OneTimeTask<Void> activityCountsRebuildTask(ObjectProvider<RollupRebuild> rebuild) {
        return Tasks.oneTime(REBUILD_TASK).execute((instance, context) -> rebuild.getObject().rebuild());
    }

    /** Asks for a rebuild now; while one is waiting to run, asking again adds nothing. */
    public static boolean schedule(SchedulerClient jobs, Clock clock) {
        return jobs.scheduleIfNotExists(new TaskInstance<Void>(REBUILD_TASK, "requested"), clock.instant());
    }

    @Bean
    StartupCheck activityCountsStartupCheck(ObjectProvider<RollupRebuild> rebuild, ObjectProvider<SchedulerClient> jobs,
            Clock clock) {
        return new StartupCheck(rebuild, jobs, clock);
    }

    static final class StartupCheck {

        private final ObjectProvider<RollupRebuild> rebuild;
        private final ObjectProvider<SchedulerClient> jobs;
        private final Clock clock;

        StartupCheck(ObjectProvider<RollupRebuild> rebuild, ObjectProvider<SchedulerClient> jobs, Clock clock) {
            this.rebuild = rebuild;
            this.jobs = jobs;
            this.clock = clock;
        }

        @EventListener(ApplicationReadyEvent.class)
        void departmentsMissing() {
            SchedulerClient client = jobs.getIfAvailable();
            if (client != null && rebuild.getObject().departmentsUnknown()) {
                schedule(client, clock);
            }
        }
    }
}
