package org.smartketing.shared.jobs;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

/**
 * Schedules a job in the current transaction (the scheduler works through the transaction's
 * connection), and wakes this node's scheduler once it commits, so a job due now (an email, a
 * webhook delivery) runs within milliseconds instead of at the next poll.
 */
@Component
public class ScheduledJobs {

    private final Scheduler scheduler;

    ScheduledJobs(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    public void schedule(TaskInstance<Void> job, Instant at) {
        scheduler.schedule(job, at);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    scheduler.triggerCheckForDueExecutions();
                }
            });
        }
        else {
            scheduler.triggerCheckForDueExecutions();
        }
    }
}
