package org.smartketing.imports.running;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.smartketing.funnel.LeadImports;
import org.smartketing.imports.ImportFinished;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import job's work: the file from the last committed chunk on, one transaction per chunk
 * that writes the rows, their bad lines and the new position together. A cancel takes the
 * import's row lock, so it lands between two chunks; the job stops at the next.
 */
@Service
public class ImportRunning {

    private final ImportJobs jobs;
    private final List<RowWriter> writers;
    private final LeadImports leads;
    private final MqlNotices notices;
    private final ImportFiles files;
    private final ImportSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    /** Called after each committed chunk; tests use it to stop the job there, as a crash would. */
    volatile Runnable afterChunk = () -> {
    };

    ImportRunning(ImportJobs jobs, List<RowWriter> writers, LeadImports leads, MqlNotices notices, ImportFiles files,
            ImportSettings settings, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, Clock clock) {
        this.jobs = jobs;
        this.writers = writers;
        this.leads = leads;
        this.notices = notices;
        this.files = files;
        this.settings = settings;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Goes on with the import until its file ends, it is cancelled, or {@code stopping} says the
     * node is shutting down.
     *
     * @return whether the import ended (false: it is to go on later)
     */
    public boolean run(UUID id, BooleanSupplier stopping) {
        ImportJob job = jobs.byId(id).orElse(null);
        if (job == null || job.state() != ImportJob.State.RUNNING) {
            if (job != null && job.state().ended() && job.state() != ImportJob.State.UNDONE) {
                qualify(id); // cancelled while no node ran it: what it imported is scored all the same
            }
            return true;
        }
        if (job.rows() == null) {
            jobs.counted(id, count(job));
        }
        try (FileRows file = new FileRows(job, files.readable(job))) {
            file.skip(job.processed());
            while (true) {
                if (stopping.getAsBoolean()) {
                    return false;
                }
                FileRows.Chunk chunk = file.next(settings.chunk());
                Boolean more = transaction.execute(status -> apply(id, chunk));
                if (!Boolean.TRUE.equals(more)) {
                    qualify(id);
                    return true;
                }
                afterChunk.run();
            }
        }
    }

    /** Marks the import failed (it stays undoable), once the job cannot go on. */
    public void failed(UUID id, String message) {
        transaction.executeWithoutResult(status -> jobs.locked(id).filter(j -> j.state() == ImportJob.State.RUNNING)
                .ifPresent(j -> end(j, ImportJob.State.FAILED, message)));
    }

    /**
     * Scores the leads of an import of leads together, batch by batch (one transaction each), making
     * MQLs and routing them if the importer asked; then, in one transaction, marks it qualified, ends
     * it as done if it still runs, and tells each rep once. Running it again after a crash scores
     * again (a lead made MQL stays one) and tells only if nobody was told.
     */
    void qualify(UUID id) {
        ImportJob job = jobs.byId(id).orElseThrow();
        if (job.qualifiedAt() != null) {
            return;
        }
        Map<org.smartketing.team.PersonId, Integer> assigned = new java.util.HashMap<>();
        long mqls = 0;
        long unrouted = 0;
        if (job.kind() == ImportJob.Kind.LEADS) {
            org.smartketing.funnel.LeadId after = null;
            do {
                org.smartketing.funnel.LeadId from = after;
                LeadImports.Qualified q = transaction.execute(status -> leads.qualify(id, from, settings.chunk(),
                        job.route()));
                q.assigned().forEach((rep, n) -> assigned.merge(rep, n, Integer::sum));
                mqls += q.mqls();
                unrouted += q.unrouted();
                after = q.last();
            }
            while (after != null);
        }
        long made = mqls;
        long waiting = unrouted;
        transaction.executeWithoutResult(status -> {
            ImportJob locked = jobs.locked(id).orElseThrow();
            if (locked.qualifiedAt() != null) {
                return;
            }
            jobs.qualified(id, made, clock.instant());
            if (locked.state() == ImportJob.State.RUNNING) {
                end(locked, ImportJob.State.DONE, null);
            }
            notices.tell(locked, assigned, waiting);
        });
    }

    /** One chunk in the caller's transaction; whether to go on. */
    private boolean apply(UUID id, FileRows.Chunk chunk) {
        ImportJob job = jobs.locked(id).orElseThrow();
        if (job.state() != ImportJob.State.RUNNING) {
            return false;
        }
        if (chunk.empty()) {
            return false; // done once its leads are qualified
        }
        LeadImports.Outcome outcome = RowWriter.of(writers, job.kind()).apply(job, chunk.rows());
        List<ImportJobs.Error> errors = new java.util.ArrayList<>(chunk.bad());
        outcome.problems().forEach(p -> errors.add(Problems.error(p, job.mapping())));
        errors.sort(java.util.Comparator.comparingLong(ImportJobs.Error::line));
        jobs.errors(id, ImportJobs.Phase.RUN, errors);
        jobs.advanced(id, chunk.records(), ImportJob.Summary.NONE.plus(outcome.created(), outcome.updated(),
                outcome.merged(), outcome.skipped(), outcome.failed() + chunk.bad().size()));
        return true;
    }

    void end(ImportJob job, ImportJob.State state, String message) {
        java.time.Instant now = clock.instant();
        jobs.ended(job.id(), state, message, now);
        ImportJob ended = jobs.byId(job.id()).orElseThrow();
        ImportJob.Summary s = ended.summary();
        events.publishEvent(new ImportFinished(UUID.randomUUID(), job.id(), job.kind().name(), job.fileName(),
                state.name(), ended.processed(), s.created(), s.updated(), s.merged(), s.skipped(), s.failed(),
                job.createdBy(), now, org.smartketing.team.Actor.system("import")));
    }

    private long count(ImportJob job) {
        long rows = 0;
        try (FileRows file = new FileRows(job, files.readable(job))) {
            for (FileRows.Chunk chunk = file.next(10_000); !chunk.empty(); chunk = file.next(10_000)) {
                rows += chunk.records();
            }
        }
        return rows;
    }

    /** How problems found by the funnel name the file's columns. */
    static final class Problems {

        private Problems() {
        }

        static ImportJobs.Error error(LeadImports.Problem p, Map<String, String> mapping) {
            String column = p.field() == null ? null : mapping.entrySet().stream()
                    .filter(e -> p.field().equals(e.getValue())).map(Map.Entry::getKey).findFirst().orElse(p.field());
            return new ImportJobs.Error(p.line(), column, p.value(), p.message());
        }
    }
}
