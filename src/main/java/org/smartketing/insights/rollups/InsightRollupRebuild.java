package org.smartketing.insights.rollups;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartketing.funnel.FunnelFigures.ChangeQuery;
import org.smartketing.funnel.FunnelFigures.SlaQuery;
import org.smartketing.funnel.FunnelFigures.SlaRun;
import org.smartketing.funnel.FunnelFigures.StageChange;
import org.smartketing.funnel.FunnelFigures.StageChangePage;
import org.smartketing.funnel.FunnelFigures;
import org.smartketing.funnel.Grouping;
import org.smartketing.funnel.TimeRange;
import org.smartketing.shared.Sql;
import org.smartketing.team.DemoCompanyFilled;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * Fills insights' funnel rollups from the funnel's read faces, for the history before the events
 * and for a new install, and checks them every night.
 *
 * <p>A rebuild pages through {@link FunnelFigures#stageChanges} (keyset-paged) and reads the clock
 * runs ({@link FunnelFigures#slaRuns}) a month at a time; each page commits with its cursor in
 * {@code insight_rebuild}, so a rebuild that stopped goes on where it was. Rows it finds there
 * already (from events) stay as they are. Then the stage counts and stays ({@link StageRollups})
 * are recounted from the stage changes a UTC month at a time. Assignments are the starts of the handoff clocks, and
 * breaches the runs whose due time passed while they ran.
 *
 * <p>The reconciliation ({@value #TASK}, a persistent job, once across nodes, every night) recounts
 * the last {@value #RECENT_DAYS} UTC days from the faces (after going on with a rebuild not yet
 * finished, which is how a new install gets its history), puts in what the rollups miss, takes out
 * stage changes the funnel does not have, sets the stage counts and stays to a recount of the
 * stage changes, and records the counts in {@code insight_drift} (and the
 * log, as a warning when they differed).
 */
@Service
public class InsightRollupRebuild {

    static final String TASK = "insights-reconciliation";
    static final int RECENT_DAYS = 7;
    static final String STAGE_CHANGES = "stage-changes";
    static final String HANDOFFS = "handoffs";
    static final String STAGE_COUNTS = "stage-counts";
    static final String STAGE_STAYS = "stage-stays";
    /** The funnel keeps nothing before this. */
    static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    static final int PAGE = 500;

    private static final Logger log = LoggerFactory.getLogger(InsightRollupRebuild.class);

    /** What one reconciliation found per rollup. */
    public record Drift(String rollup, long counted, long recounted, long repaired) {
    }

    private final JdbcClient jdbc;
    private final FunnelFigures figures;
    private final FunnelRollups rollups;
    private final StageRollups stages;
    private final TransactionTemplate tx;
    private final Clock clock;

    InsightRollupRebuild(JdbcClient jdbc, FunnelFigures figures, FunnelRollups rollups, StageRollups stages,
            PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.stages = stages;
        this.figures = figures;
        this.rollups = rollups;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Runs (or goes on with) a rebuild of every rollup until done, or for at most {@code pages}
     * pages (then it stops, to go on at the next call).
     *
     * @return whether it is done
     */
    public boolean rebuild(int pages) {
        int left = pages;
        while (left > 0) {
            Boolean more = tx.execute(s -> stageChangesPage());
            left--;
            if (!Boolean.TRUE.equals(more)) {
                break;
            }
        }
        while (left > 0) {
            Boolean more = tx.execute(s -> stageRollupsMonth());
            left--;
            if (!Boolean.TRUE.equals(more)) {
                break;
            }
        }
        while (left > 0) {
            Boolean more = tx.execute(s -> handoffsMonth());
            left--;
            if (!Boolean.TRUE.equals(more)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One month (UTC) of the stage counts and stays recounted from the stage changes (which fills
     * them on an install that had stage changes before they existed); whether there is more.
     */
    private boolean stageRollupsMonth() {
        Progress p = progress(STAGE_COUNTS);
        if (p != null && p.finished()) {
            return false;
        }
        LocalDate from = p == null ? firstMonth() : LocalDate.parse(p.cursor());
        LocalDate to = from.plusMonths(1);
        TimeRange month = new TimeRange(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.atStartOfDay(ZoneOffset.UTC).toInstant());
        long taken = stages.recountCounts(month).repaired() + stages.recountStays(month).repaired();
        boolean finished = !month.to().isBefore(lastChange());
        save(STAGE_COUNTS, to.toString(), finished, taken);
        return !finished;
    }

    private Instant lastChange() {
        Instant last = jdbc.sql("SELECT MAX(occurred_at) AS t FROM insight_stage_change")
                .query((rs, n) -> Sql.instant(rs, "t")).optional().orElse(null);
        return last == null ? Instant.MIN : last;
    }

    /** A rebuild from the start, forgetting an earlier one's progress (the rows stay: they are the same facts). */
    public void restart() {
        jdbc.sql("DELETE FROM insight_rebuild").update();
    }

    /** Whether a rebuild has gone through every rollup (else a new install's history is not in yet). */
    public boolean finished() {
        return jdbc.sql("SELECT COUNT(*) FROM insight_rebuild WHERE finished_at IS NOT NULL AND name IN (?, ?, ?)")
                .params(STAGE_CHANGES, STAGE_COUNTS, HANDOFFS).query(Long.class).single() == 3;
    }

    /** Rebuilds until done. */
    public void rebuildAll() {
        while (!rebuild(Integer.MAX_VALUE)) {
            // every call ends a rebuild or its pages; the loop only guards against a bound
        }
    }

    private record Progress(String cursor, boolean finished) {
    }

    private Progress progress(String name) {
        return jdbc.sql("SELECT next_cursor, finished_at FROM insight_rebuild WHERE name = ?").param(name)
                .query((rs, n) -> new Progress(rs.getString("next_cursor"), rs.getObject("finished_at") != null))
                .optional().orElse(null);
    }

    private void save(String name, String cursor, boolean finished, long rows) {
        Instant now = clock.instant();
        if (jdbc.sql("UPDATE insight_rebuild SET next_cursor = ?, finished_at = ?, rows_taken = rows_taken + ? WHERE name = ?")
                .params(cursor, finished ? Sql.utc(now) : null, rows, name).update() == 0) {
            jdbc.sql("INSERT INTO insight_rebuild (name, next_cursor, started_at, finished_at, rows_taken) VALUES (?, ?, ?, ?, ?)")
                    .params(name, cursor, Sql.utc(now), finished ? Sql.utc(now) : null, rows).update();
        }
    }

    /** One page of stage changes; whether there is more. */
    private boolean stageChangesPage() {
        Progress p = progress(STAGE_CHANGES);
        if (p != null && p.finished()) {
            return false;
        }
        StageChangePage page = figures.stageChanges(ChangeQuery.over(everything()), p == null ? null : p.cursor(), PAGE);
        long taken = page.items().stream().filter(rollups::take).count();
        save(STAGE_CHANGES, page.nextCursor(), page.nextCursor() == null, taken);
        return page.nextCursor() != null;
    }

    /** One month of clock runs (by their start); whether there is more. */
    private boolean handoffsMonth() {
        Progress p = progress(HANDOFFS);
        if (p != null && p.finished()) {
            return false;
        }
        LocalDate from = p == null ? firstMonth() : LocalDate.parse(p.cursor());
        LocalDate to = from.plusMonths(1);
        long taken = takeRuns(new TimeRange(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.atStartOfDay(ZoneOffset.UTC).toInstant()));
        boolean finished = !to.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(clock.instant());
        save(HANDOFFS, to.toString(), finished, taken);
        return !finished;
    }

    private LocalDate firstMonth() {
        LocalDate first = jdbc.sql("SELECT MIN(occurred_at) AS t FROM insight_stage_change")
                .query((rs, n) -> Sql.instant(rs, "t")).optional()
                .map(t -> LocalDate.ofInstant(t, ZoneOffset.UTC)).orElse(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        return first.withDayOfMonth(1);
    }

    private long takeRuns(TimeRange period) {
        long taken = 0;
        for (SlaRun run : figures.slaRuns(new SlaQuery(period, Grouping.WHOLE, ZoneOffset.UTC, Set.of()))) {
            if (rollups.takeAssignment(run.lead().value(), run.startedAt(), run.owner().value(), null)) {
                taken++;
            }
            if (breach(run) && rollups.takeBreach(run.lead().value(), run.clock(), run.dueAt(), run.owner().value())) {
                taken++;
            }
        }
        return taken;
    }

    /** A breach the funnel's job has told of (or will): the due time passed while the run ran. */
    private boolean breach(SlaRun run) {
        Instant now = clock.instant();
        return run.dueAt().isBefore(now) && (run.stoppedAt() == null || run.stoppedAt().isAfter(run.dueAt()));
    }

    private TimeRange everything() {
        return new TimeRange(FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant(),
                clock.instant().plus(1, ChronoUnit.DAYS));
    }

    /**
     * Recounts the UTC days {@code from} up to, not including, {@code to} from the faces, repairs
     * the rollups and records what it found.
     */
    public List<Drift> reconcile(LocalDate from, LocalDate to) {
        TimeRange period = new TimeRange(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.atStartOfDay(ZoneOffset.UTC).toInstant());
        List<Drift> found = tx.execute(s -> {
            Drift changes = reconcileStageChanges(period);
            StageRollups.Recount counts = stages.recountCounts(period);
            StageRollups.Recount stays = stages.recountStays(period);
            return List.of(changes, new Drift(STAGE_COUNTS, counts.counted(), counts.recounted(), counts.repaired()),
                    new Drift(STAGE_STAYS, stays.counted(), stays.recounted(), stays.repaired()), reconcileHandoffs(period));
        });
        Instant now = clock.instant();
        for (Drift d : found) {
            jdbc.sql("""
                    INSERT INTO insight_drift (id, checked_at, day_from, day_to, rollup, counted, recounted, repaired)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), Sql.utc(now), from, to, d.rollup(), d.counted(), d.recounted(), d.repaired())
                    .update();
            if (d.repaired() > 0) {
                log.warn("insights rollup {} drifted over {} to {}: {} kept, {} recounted, {} rows repaired", d.rollup(),
                        from, to, d.counted(), d.recounted(), d.repaired());
            }
            else {
                log.info("insights rollup {} over {} to {}: {} rows, as recounted", d.rollup(), from, to, d.counted());
            }
        }
        return found;
    }

    /** The last {@value #RECENT_DAYS} UTC days up to today (included). */
    public List<Drift> reconcileRecentDays() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return reconcile(today.minusDays(RECENT_DAYS), today.plusDays(1));
    }

    /** The latest reconciliation's findings, newest first. */
    public List<Drift> latest() {
        return jdbc.sql("""
                SELECT rollup, counted, recounted, repaired FROM insight_drift
                WHERE checked_at = (SELECT MAX(checked_at) FROM insight_drift) ORDER BY rollup""")
                .query((rs, n) -> new Drift(rs.getString("rollup"), rs.getLong("counted"), rs.getLong("recounted"),
                        rs.getLong("repaired")))
                .list();
    }

    private record ChangeKey(UUID lead, Instant at, String to) {
    }

    private Drift reconcileStageChanges(TimeRange period) {
        Set<ChangeKey> kept = new HashSet<>(jdbc.sql("""
                SELECT lead_id, occurred_at, to_stage FROM insight_stage_change WHERE occurred_at >= ? AND occurred_at < ?""")
                .params(Sql.utc(period.from()), Sql.utc(period.to()))
                .query((rs, n) -> new ChangeKey(Sql.uuid(rs, "lead_id"), Sql.instant(rs, "occurred_at"), rs.getString("to_stage")))
                .list());
        long counted = kept.size();
        long recounted = 0;
        long repaired = 0;
        String cursor = null;
        do {
            StageChangePage page = figures.stageChanges(ChangeQuery.over(period), cursor, FunnelFigures.MAX_PAGE);
            for (StageChange c : page.items()) {
                recounted++;
                if (!kept.remove(new ChangeKey(c.lead().value(), c.occurredAt(), c.to().name())) && rollups.take(c)) {
                    repaired++;
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        for (ChangeKey extra : kept) {
            repaired += jdbc.sql("DELETE FROM insight_stage_change WHERE lead_id = ? AND occurred_at = ? AND to_stage = ?")
                    .params(extra.lead(), Sql.utc(extra.at()), extra.to()).update();
        }
        return new Drift(STAGE_CHANGES, counted, recounted, repaired);
    }

    private Drift reconcileHandoffs(TimeRange period) {
        long counted = jdbc.sql("SELECT COUNT(*) FROM insight_assignment WHERE occurred_at >= ? AND occurred_at < ?")
                .params(Sql.utc(period.from()), Sql.utc(period.to())).query(Long.class).single();
        List<SlaRun> runs = figures.slaRuns(new SlaQuery(period, Grouping.WHOLE, ZoneOffset.UTC, Set.of()));
        long recounted = runs.stream().map(r -> r.lead().value() + "|" + r.startedAt()).distinct().count();
        long repaired = takeRuns(period);
        return new Drift(HANDOFFS, counted, recounted, repaired);
    }

    @Configuration(proxyBeanMethods = false)
    static class Scheduling {

        static final String REBUILD_TASK = "insights-rebuild";

        /**
         * The rebuild on its own, soon after a start that finds it unfinished (a new install, an upgrade
         * onto existing data, a rebuild stopped by a restart) and after the demo company is filled, so
         * their history shows on the dashboard at once rather than after the first nightly run.
         */
        @Bean
        OneTimeTask<Void> insightsRebuildTask(ObjectProvider<InsightRollupRebuild> rebuild) {
            return Tasks.oneTime(REBUILD_TASK).execute((instance, context) -> rebuild.getObject().rebuildAll());
        }

        @Bean
        RebuildRequests insightsRebuildRequests(ObjectProvider<InsightRollupRebuild> rebuild,
                ObjectProvider<SchedulerClient> jobs, Clock clock) {
            return new RebuildRequests(rebuild, jobs, clock);
        }

        @Bean
        RecurringTask<Void> insightsReconciliationTask(ObjectProvider<InsightRollupRebuild> rebuild) {
            return Tasks.recurring(TASK, Schedules.daily(ZoneOffset.UTC, LocalTime.of(3, 40)))
                    .execute((instance, context) -> {
                        // a new install (or a stopped rebuild) is filled first, then the recent days are checked
                        rebuild.getObject().rebuildAll();
                        rebuild.getObject().reconcileRecentDays();
                    });
        }
    }

    /** Asks for the rebuild job; while one waits to run, asking again adds nothing (once across nodes). */
    static class RebuildRequests {

        private final ObjectProvider<InsightRollupRebuild> rebuild;
        private final ObjectProvider<SchedulerClient> jobs;
        private final Clock clock;

        RebuildRequests(ObjectProvider<InsightRollupRebuild> rebuild, ObjectProvider<SchedulerClient> jobs, Clock clock) {
            this.rebuild = rebuild;
            this.jobs = jobs;
            this.clock = clock;
        }

        @EventListener(ApplicationReadyEvent.class)
        void unfinishedAtStart() {
            if (!rebuild.getObject().finished()) {
                request(false);
            }
        }

        /** The demo's backdated history is written without the funnel's events. */
        @ApplicationModuleListener
        void demoFilled(DemoCompanyFilled filled) {
            request(true);
        }

        private void request(boolean fromTheStart) {
            SchedulerClient client = jobs.getIfAvailable();
            if (client == null) {
                return;
            }
            if (fromTheStart) {
                rebuild.getObject().restart();
            }
            client.scheduleIfNotExists(new TaskInstance<Void>(Scheduling.REBUILD_TASK, "requested"), clock.instant());
        }
    }
}
