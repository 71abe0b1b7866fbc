package org.smartketing.imports.running;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.smartketing.funnel.LeadImports;
import org.smartketing.funnel.LeadImports.Policy;
import org.smartketing.imports.mapping.Presets;
import org.smartketing.imports.reading.CsvFile;
import org.smartketing.imports.reading.FileFormat;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.team.AuditLog;
import org.smartketing.team.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

/**
 * Imports as a person runs them: upload (read, mapped by the presets, previewed), dry run, start,
 * cancel, undo. The file is kept on disk and in the database ({@link ImportFiles}), never in
 * memory; the job ({@link ImportRunning}) does the writing, on whichever node.
 */
@Service
public class Importing {

    /** How many rows a preview shows. */
    public static final int PREVIEW_ROWS = 10;

    /** What a person chose for an import, each part optional (null: keep what it has). */
    public record Choices(Map<String, String> mapping, String savedMapping, Policy policy, String saveMappingAs,
            Boolean route) {

        public static final Choices NONE = new Choices(null, null, null, null, null);
    }

    /** An uploaded file as read, with the proposed mapping and the preview under it. */
    public record Upload(ImportJob job, String preset, List<LeadImports.Preview> preview) {
    }

    /** A dry run's result: every row checked, how many are bad (the bad lines are stored). */
    public record DryRun(long rows, long failed) {
    }

    private final ImportJobs jobs;
    private final List<RowWriter> writers;
    private final ImportFiles files;
    private final ImportSettings settings;
    private final ImportRunning running;
    private final SchedulerClient scheduler;
    private final AuditLog audit;
    private final Clock clock;

    Importing(ImportJobs jobs, List<RowWriter> writers, ImportFiles files, ImportSettings settings, ImportRunning running,
            SchedulerClient scheduler, AuditLog audit, Clock clock) {
        this.jobs = jobs;
        this.writers = writers;
        this.files = files;
        this.settings = settings;
        this.running = running;
        this.scheduler = scheduler;
        this.audit = audit;
        this.clock = clock;
    }

    /** The targets a column of such a file may be mapped to. */
    public List<LeadImports.Target> targets(ImportJob.Kind kind) {
        return writer(kind).targets();
    }

    /**
     * Stores the file (streamed to disk), detects its encoding and delimiter unless given, reads its
     * header and proposes a mapping (the saved one named, else the presets').
     */
    @Transactional
    public Upload upload(InputStream content, String fileName, ImportJob.Kind kind, String encoding, String delimiter,
            Choices choices, PersonId by) {
        Charset charset = charset(encoding);
        Character separator = separator(delimiter);
        UUID id = UUID.randomUUID();
        Path stored = store(content, id);
        try {
            FileFormat format = FileFormat.detect(stored).with(charset, separator);
            List<String> header = header(stored, format);
            if (header.isEmpty()) {
                throw new InvalidFieldException("file", "is empty: it has no header line naming its columns");
            }
            Presets.Proposal proposal = kind == ImportJob.Kind.ACTIVITIES ? Presets.proposeActivities(header, targetNames(kind))
                    : Presets.propose(header, targetNames(kind));
            Map<String, String> mapping = mapping(choices, kind, header, proposal.mapping());
            ImportJob job = new ImportJob(id, kind, name(fileName), stored, Files.size(stored), format.encoding().name(),
                    format.delimiter(), header, mapping,
                    choices.policy() != null ? choices.policy() : Policy.CREATE_AND_FILL_BLANKS,
                    route(kind, choices.route(), false), ImportJob.State.UPLOADED, null, 0, ImportJob.Summary.NONE, null, null, null, by, clock.instant(),
                    null, null, null, null, null);
            jobs.insert(job);
            files.keep(id, stored);
            remember(choices, kind, mapping, by);
            return new Upload(job, choices.mapping() != null || choices.savedMapping() != null ? "chosen"
                    : proposal.preset(), preview(job));
        }
        catch (IOException ex) {
            delete(stored);
            throw new InvalidFieldException("file", "cannot be read: " + ex.getMessage());
        }
        catch (RuntimeException ex) {
            delete(stored);
            throw ex;
        }
    }

    public ImportJob job(UUID id) {
        return jobs.byId(id).orElseThrow(() -> new NotFoundException("Import " + id));
    }

    /** The first rows as they would be stored. */
    public List<LeadImports.Preview> preview(ImportJob job) {
        try (FileRows file = new FileRows(job, files.readable(job))) {
            return writer(job.kind()).preview(job, file.next(PREVIEW_ROWS).rows());
        }
    }

    /** Changes the mapping or policy of an import not started yet. */
    @Transactional
    public ImportJob choose(UUID id, Choices choices, PersonId by) {
        ImportJob job = jobs.locked(id).orElseThrow(() -> new NotFoundException("Import " + id));
        if (job.state() != ImportJob.State.UPLOADED) {
            throw new RuleViolationException("This import has started already; its mapping stays as it was.");
        }
        Map<String, String> mapping = mapping(choices, job.kind(), job.header(), job.mapping());
        jobs.remap(id, mapping, choices.policy() != null ? choices.policy() : job.policy(),
                route(job.kind(), choices.route(), job.route()));
        remember(choices, job.kind(), mapping, by);
        return jobs.byId(id).orElseThrow();
    }

    /** Checks every row of the file as the import would, and stores the bad lines; writes no lead. */
    @Transactional
    public DryRun dryRun(UUID id, Choices choices, PersonId by) {
        ImportJob job = choose(id, choices, by);
        jobs.forgetErrors(id, ImportJobs.Phase.CHECK);
        long rows = 0;
        long failed = 0;
        try (FileRows file = new FileRows(job, files.readable(job))) {
            for (FileRows.Chunk chunk = file.next(settings.chunk()); !chunk.empty(); chunk = file.next(settings.chunk())) {
                List<ImportJobs.Error> errors = new ArrayList<>(chunk.bad());
                writer(job.kind()).check(job, chunk.rows()).forEach(p -> errors.add(ImportRunning.Problems.error(p, job.mapping())));
                errors.sort(java.util.Comparator.comparingLong(ImportJobs.Error::line));
                jobs.errors(id, ImportJobs.Phase.CHECK, errors);
                rows += chunk.records();
                failed += errors.stream().map(ImportJobs.Error::line).distinct().count();
            }
        }
        jobs.checked(id, rows, failed);
        return new DryRun(rows, failed);
    }

    /** Starts the job, with the mapping and policy chosen (or those the import has). */
    @Transactional
    public ImportJob start(UUID id, Choices choices, PersonId by) {
        ImportJob job = choose(id, choices, by);
        if (job.mapping().values().stream().noneMatch(t -> t != null && !t.isBlank())) {
            throw new InvalidFieldException("mapping", "maps no column to a field of ours");
        }
        jobs.started(id, clock.instant());
        scheduler.scheduleIfNotExists(new TaskInstance<Void>(ImportScheduling.TASK, id.toString()), clock.instant());
        audit.record("import", id, "started", null, Map.of("file", job.fileName(), "policy", job.policy().name()));
        return jobs.byId(id).orElseThrow();
    }

    /** Stops the job between two chunks; what it wrote stays (and can be undone). */
    @Transactional
    public ImportJob cancel(UUID id) {
        ImportJob job = jobs.locked(id).orElseThrow(() -> new NotFoundException("Import " + id));
        if (job.state().ended()) {
            throw new RuleViolationException("This import has ended already (" + job.state().label().toLowerCase() + ").");
        }
        running.end(job, ImportJob.State.CANCELLED, null);
        return jobs.byId(id).orElseThrow();
    }

    /** Undoes what the import did to the leads, within a week of its end. */
    @Transactional
    public LeadImports.UndoneImport undo(UUID id) {
        ImportJob job = jobs.locked(id).orElseThrow(() -> new NotFoundException("Import " + id));
        Instant now = clock.instant();
        if (job.state() == ImportJob.State.RUNNING) {
            throw new RuleViolationException("This import is still running; cancel it first, then undo it.");
        }
        if (!job.undoable(now)) {
            throw new RuleViolationException(job.state() == ImportJob.State.UNDONE ? "This import was undone already."
                    : job.state() == ImportJob.State.UPLOADED ? "This import has not started; there is nothing to undo."
                    : "An import can be undone for 7 days after it ended; this one ended longer ago.");
        }
        LeadImports.UndoneImport undone = writer(job.kind()).undo(id);
        files.forget(id);
        jobs.undone(id, now);
        audit.record("import", id, "undone", null, undone);
        return undone;
    }

    private Map<String, String> mapping(Choices choices, ImportJob.Kind kind, List<String> header,
            Map<String, String> otherwise) {
        Map<String, String> chosen = choices.mapping();
        if (chosen == null && choices.savedMapping() != null && !choices.savedMapping().isBlank()) {
            chosen = jobs.mapping(choices.savedMapping()).map(ImportJobs.SavedMapping::mapping)
                    .orElseThrow(() -> new InvalidFieldException("mapping", "no mapping is saved under this name"));
        }
        if (chosen == null) {
            return otherwise;
        }
        List<String> targets = targetNames(kind);
        Map<String, String> mapping = new LinkedHashMap<>();
        Set<String> used = new java.util.HashSet<>();
        for (String column : header) {
            String target = chosen.get(column);
            target = target == null || target.isBlank() ? null : target.strip();
            if (target != null && !Presets.known(targets, target)) {
                throw new InvalidFieldException("mapping", "maps " + column + " to " + target
                        + ", which is not a field of ours");
            }
            if (target != null && !used.add(target)) {
                throw new InvalidFieldException("mapping", "maps two columns to " + target);
            }
            mapping.put(column, target);
        }
        return mapping;
    }

    private void remember(Choices choices, ImportJob.Kind kind, Map<String, String> mapping, PersonId by) {
        if (choices.saveMappingAs() != null && !choices.saveMappingAs().isBlank()) {
            if (choices.saveMappingAs().strip().length() > 120) {
                throw new InvalidFieldException("saveMappingAs", "must be at most 120 characters");
            }
            Map<String, String> kept = mapping.entrySet().stream().filter(e -> e.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
            jobs.saveMapping(new ImportJobs.SavedMapping(UUID.randomUUID(), choices.saveMappingAs(), kind, kept), by,
                    clock.instant());
        }
    }

    private List<String> targetNames(ImportJob.Kind kind) {
        return targets(kind).stream().map(LeadImports.Target::name).toList();
    }

    private RowWriter writer(ImportJob.Kind kind) {
        return RowWriter.of(writers, kind);
    }

    /** Routing is a choice for leads only; an activity import makes no MQLs of its own. */
    private static boolean route(ImportJob.Kind kind, Boolean chosen, boolean otherwise) {
        if (chosen != null && chosen && kind == ImportJob.Kind.ACTIVITIES) {
            throw new InvalidFieldException("route", "applies to imports of leads only");
        }
        return chosen != null ? chosen : otherwise;
    }

    private static List<String> header(Path stored, FileFormat format) throws IOException {
        try (CsvFile file = CsvFile.open(stored, format)) {
            return file.header();
        }
    }

    private Path store(InputStream content, UUID id) {
        try {
            Files.createDirectories(settings.directory());
            Path stored = files.local(id);
            Files.copy(content, stored, StandardCopyOption.REPLACE_EXISTING);
            return stored;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void delete(Path stored) {
        try {
            Files.deleteIfExists(stored);
        }
        catch (IOException ignored) {
            // a file left behind is removed with its directory's clean-up
        }
    }

    private static String name(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "import.csv" : Path.of(fileName).getFileName().toString();
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    private static Charset charset(String encoding) {
        if (encoding == null || encoding.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(encoding.strip());
        }
        catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
            throw new InvalidFieldException("encoding", "is not an encoding we know, such as UTF-8, UTF-16 or windows-1252");
        }
    }

    private static Character separator(String delimiter) {
        try {
            return FileFormat.delimiter(delimiter);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidFieldException("delimiter", ex.getMessage());
        }
    }
}
