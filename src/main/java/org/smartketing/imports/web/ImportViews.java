package org.smartketing.imports.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.smartketing.funnel.LeadImports;
import org.smartketing.shared.CsvCells;
import org.smartketing.imports.running.ImportJob;
import org.smartketing.imports.running.ImportJobs;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotPermittedException;
import org.smartketing.team.Department;
import org.smartketing.team.SignedInPerson;

/** What the imports' API and page answer, and the few rules both read requests by. */
final class ImportViews {

    /** How many bad lines an answer lists; the download has them all. */
    static final int ERRORS_SHOWN = 100;

    private ImportViews() {
    }

    record Error(long line, String column, String value, String message) {
    }

    record Status(UUID id, String kind, String fileName, String state, String stateLabel, String encoding,
            String delimiter, String policy, boolean route, Long rows, long processed, long created, long updated, long merged,
            long skipped, long failed, Long mqls, double rowsPerSecond, Long secondsLeft, Long checkedRows, Long checkedFailed,
            String message, Instant createdAt, Instant startedAt, Instant finishedAt, Instant undoneAt,
            Instant undoableUntil, List<Error> errors) {
    }

    record Uploaded(UUID id, String state, String fileName, String encoding, String delimiter, List<String> columns,
            String preset, Map<String, String> mapping, String policy, List<LeadImports.Preview> preview,
            List<LeadImports.Target> targets) {
    }

    static Status status(ImportJob j, List<ImportJobs.Error> errors, Instant now) {
        ImportJob.Summary s = j.summary();
        return new Status(j.id(), j.kind().name().toLowerCase(Locale.ROOT), j.fileName(), j.state().name(),
                j.state().label(), j.encoding(), delimiterName(j.delimiter()), j.policy().name(), j.route(), j.rows(),
                j.processed(), s.created(), s.updated(), s.merged(), s.skipped(), s.failed(), j.mqls(),
                Math.round(j.rowsPerSecond(now) * 10) / 10.0, j.secondsLeft(now), j.checkedRows(), j.checkedFailed(),
                j.message(), j.createdAt(), j.startedAt(), j.finishedAt(), j.undoneAt(),
                j.undoable(now) ? j.finishedAt().plus(ImportJob.UNDOABLE_FOR) : null,
                errors.stream().map(e -> new Error(e.line(), e.column(), e.value(), e.message())).toList());
    }

    /** The status with the first bad lines: the import's own once it started, else the dry run's. */
    static Status status(ImportJob j, ImportJobs jobs, Instant now) {
        ImportJobs.Phase phase = j.startedAt() != null ? ImportJobs.Phase.RUN : ImportJobs.Phase.CHECK;
        return status(j, jobs.errors(j.id(), phase, 0, ERRORS_SHOWN), now);
    }

    static ImportJobs.Phase phase(String text) {
        return switch (text == null ? "import" : text.toLowerCase(Locale.ROOT)) {
            case "dry-run", "check" -> ImportJobs.Phase.CHECK;
            case "import", "run" -> ImportJobs.Phase.RUN;
            default -> throw new InvalidFieldException("phase", "must be dry-run or import");
        };
    }

    /** Every bad line of the phase as a CSV download, streamed as read. */
    static void writeErrors(ImportJob job, ImportJobs.Phase phase, ImportJobs jobs, HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\""
                + job.fileName().replaceAll("[^A-Za-z0-9._-]", "_") + "-errors.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write(CsvCells.BOM);
        StringBuilder line = new StringBuilder();
        out.write(CsvCells.line(line, List.of("line", "column", "value", "message")).toString());
        try {
            jobs.eachError(job.id(), phase, e -> {
                line.setLength(0);
                CsvCells.line(line, Arrays.asList(String.valueOf(e.line()), e.column(), e.value(), e.message()));
                try {
                    out.write(line.toString());
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        }
        catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
        out.flush();
    }

    static String delimiterName(char delimiter) {
        return delimiter == '\t' ? "tab" : String.valueOf(delimiter);
    }

    /** Admins and marketers import; everyone else is refused. */
    static void requireImporter(SignedInPerson me) {
        if (me == null || !me.isAdmin() && me.department() != Department.MARKETING) {
            throw new NotPermittedException("Only admins and marketers may import.");
        }
    }

    static ImportJob.Kind kind(String text) {
        if (text == null || text.isBlank()) {
            return ImportJob.Kind.LEADS;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "leads" -> ImportJob.Kind.LEADS;
            case "activities" -> ImportJob.Kind.ACTIVITIES;
            default -> throw new InvalidFieldException("kind", "must be leads or activities");
        };
    }

    /** A policy as the API spells it (create-only, create-and-update-blanks, create-and-overwrite, update-only). */
    static LeadImports.Policy policy(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "create-only" -> LeadImports.Policy.CREATE_ONLY;
            case "create-and-update-blanks", "create-and-fill-blanks" -> LeadImports.Policy.CREATE_AND_FILL_BLANKS;
            case "create-and-overwrite" -> LeadImports.Policy.CREATE_AND_OVERWRITE;
            case "update-only" -> LeadImports.Policy.UPDATE_ONLY;
            default -> throw new InvalidFieldException("policy",
                    "must be create-only, create-and-update-blanks, create-and-overwrite or update-only");
        };
    }

    static String policyName(LeadImports.Policy policy) {
        return policy == LeadImports.Policy.CREATE_AND_FILL_BLANKS ? "create-and-update-blanks"
                : policy.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
