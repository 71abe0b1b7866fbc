package org.smartketing.shared.jobs;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;

/**
 * db-scheduler, configured by hand, running every part's persistent jobs: a part declares its
 * {@link Task} beans and schedules instances through the {@link Scheduler} bean (a
 * {@code SchedulerClient}); a recurring task (one that is {@link OnStartup}) is scheduled when the
 * scheduler starts. Its Spring Boot starter (16.x) is built against Boot 3's
 * auto-configuration packages, which Boot 4 moved, so it would order itself wrongly.
 *
 * <p>The scheduler works through a {@link TransactionAwareDataSourceProxy}: jobs scheduled or
 * cancelled inside a Spring transaction commit or roll back with it. db-scheduler picks each due
 * job on one node only. It starts after every bean is ready (Flyway has migrated by then), pauses
 * when the context stops, and stops for good before the data source closes.
 */
@Configuration(proxyBeanMethods = false)
class JobScheduling {

    /** Stopped for good when the context closes (after the lifecycle paused it, before the data source goes). */
    @Bean(destroyMethod = "stop")
    @SuppressWarnings({ "unchecked", "rawtypes" })
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, JobSettings settings) {
        // recurring tasks schedule their first run when the scheduler starts (once across nodes);
        // startTasks also makes them known, so they must not be passed twice
        List recurring = tasks.stream().filter(OnStartup.class::isInstance).toList();
        List<Task<?>> others = tasks.stream().filter(t -> !(t instanceof OnStartup)).toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), others)
                .startTasks(recurring)
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeat())
                .threads(settings.threads())
                .alwaysPersistTimestampInUTC()
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler) {
        return new SchedulerLifecycle(scheduler);
    }

    /**
     * Starts the scheduler with the context. A stop only pauses it, because a stopped db-scheduler
     * cannot start again, and a context may be stopped and started again (the test context cache
     * pauses contexts it is not using); the scheduler is stopped for good when its bean is destroyed.
     */
    static final class SchedulerLifecycle implements SmartLifecycle {

        private final Scheduler scheduler;
        private boolean started;
        private volatile boolean running;

        SchedulerLifecycle(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public synchronized void start() {
            if (started) {
                scheduler.resume();
            }
            else {
                scheduler.start();
                started = true;
            }
            running = true;
        }

        @Override
        public synchronized void stop() {
            scheduler.pause();
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }
}
