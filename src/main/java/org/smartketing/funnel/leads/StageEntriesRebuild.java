package org.smartketing.funnel.leads;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * Recounts the stage entries rollup from the stage history. Every night a persistent job
 * ({@value #TASK}, one node) recounts the last {@value #RECENT_DAYS} days that have ended, which
 * also folds their striped rows into one per key; {@link #rebuild} recounts any days (after a
 * bulk load or a repair by hand).
 */
@Service
public class StageEntriesRebuild {

    static final String TASK = "funnel-stage-entries-rebuild";
    static final int RECENT_DAYS = 7;

    /**
     * A day is recounted only once it ended this long ago, so that no stage change of it is still
     * being committed (it would be counted twice).
     */
    static final Duration SETTLED = Duration.ofMinutes(5);

    private static final Logger log = LoggerFactory.getLogger(StageEntriesRebuild.class);

    private final StageEntries entries;
    private final Clock clock;

    StageEntriesRebuild(StageEntries entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /**
     * Recounts the days [from, to) in one transaction and replaces their rows; days that have not
     * ended (settled) yet are left as they are.
     *
     * @return the rollup rows written
     */
    @Transactional
    public int rebuild(LocalDate from, LocalDate to) {
        LocalDate settled = LocalDate.ofInstant(clock.instant().minus(SETTLED), ZoneOffset.UTC);
        LocalDate end = to.isAfter(settled) ? settled : to;
        if (!end.isAfter(from)) {
            return 0;
        }
        int rows = entries.rebuild(from, end);
        log.info("stage entries recounted for {} to {} (exclusive): {} rows", from, end, rows);
        return rows;
    }

    /** Recounts every day of the history that has ended. */
    @Transactional
    public int rebuildAll() {
        return entries.firstDay().map(first -> rebuild(first, LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1)))
                .orElse(0);
    }

    /** Recounts the last {@value #RECENT_DAYS} days that have ended. */
    @Transactional
    public int rebuildRecentDays() {
        LocalDate today = LocalDate.ofInstant(clock.instant().minus(SETTLED), ZoneOffset.UTC);
        return rebuild(today.minusDays(RECENT_DAYS), today);
    }

    @Configuration(proxyBeanMethods = false)
    static class Scheduling {

        @Bean
        RecurringTask<Void> stageEntriesRebuildTask(ObjectProvider<StageEntriesRebuild> rebuild) {
            return Tasks.recurring(TASK, Schedules.daily(ZoneOffset.UTC, LocalTime.of(3, 10)))
                    .execute((instance, context) -> rebuild.getObject().rebuildRecentDays());
        }
    }
}
