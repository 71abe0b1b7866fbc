package org.smartketing.mail;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

/**
 * Schedules the outbox's jobs in the current transaction (the scheduler works through the
 * transaction's connection), and wakes this node's scheduler once it commits, so an email due now
 * leaves within milliseconds instead of at the next poll.
 */
@Component
class MailJobs {

    private final Scheduler scheduler;

    MailJobs(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    void schedule(TaskInstance<Void> job, Instant at) {
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
