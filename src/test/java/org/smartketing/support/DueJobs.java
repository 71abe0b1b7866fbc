package org.smartketing.support;

import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.ScheduledExecutionsFilter;
import com.github.kagkarlsson.scheduler.SchedulerClient;

import static org.awaitility.Awaitility.await;

/**
 * The signal that lets a test show that nothing (more) happens without sleeping on it: every
 * persistent job that is due has run. A job a running one schedules due at once is waited for too,
 * so an escalation that should not have come due would have happened by then.
 */
public final class DueJobs {

    private DueJobs() {
    }

    /** Waits until no job of a task named {@code taskPrefix…} is running or due now. */
    public static void awaitRun(SchedulerClient scheduler, String taskPrefix, Duration atMost) {
        await("every due " + taskPrefix + "* job ran").atMost(atMost)
                .until(() -> scheduler.getScheduledExecutions(ScheduledExecutionsFilter.all()).stream()
                        .noneMatch(job -> job.getTaskInstance().getTaskName().startsWith(taskPrefix)
                                && dueOrRunning(job, Instant.now())));
    }

    private static boolean dueOrRunning(ScheduledExecution<Object> job, Instant now) {
        return job.isPicked() || !job.getExecutionTime().isAfter(now);
    }
}
