package org.smartketing.imports.running;

import java.time.Instant;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The import job: one persistent execution per import. A node that stops between two chunks
 * leaves it due again at once; one that dies holding it has it revived by the scheduler's
 * dead-execution check; a failure tries again after {@code retryAfter}, and after a few the import
 * is marked failed. Each run goes on from the last committed chunk.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ImportSettings.class)
class ImportScheduling {

    static final String TASK = "imports-run";

    static final int ATTEMPTS = 5;

    @Bean
    CustomTask<Void> importTask(ObjectProvider<ImportRunning> running, ImportSettings settings) {
        return Tasks.custom(TASK, Void.class)
                .onFailure((complete, operations) -> operations.reschedule(complete,
                        Instant.now().plus(settings.retryAfter())))
                .execute((instance, context) -> {
                    UUID id = UUID.fromString(instance.getId());
                    boolean ended;
                    try {
                        ended = running.getObject().run(id, () -> context.getSchedulerState().isShuttingDown());
                    }
                    catch (RuntimeException ex) {
                        if (context.getExecution().consecutiveFailures + 1 >= ATTEMPTS) {
                            running.getObject().failed(id, "The import stopped: " + ex.getMessage());
                            return new CompletionHandler.OnCompleteRemove<>();
                        }
                        throw ex;
                    }
                    return ended ? new CompletionHandler.OnCompleteRemove<>()
                            : (complete, operations) -> operations.reschedule(complete, Instant.now());
                });
    }
}
