package org.smartketing.imports.running;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.smartketing.funnel.LeadImports.Policy;
import org.smartketing.team.PersonId;

/**
 * One import: the file as it was read, how its columns map to our fields, where the job stands,
 * and what it did. {@code processed} counts the records of the file handled by committed chunks:
 * where the job goes on after a restart. {@code route}: whether the MQLs a lead import makes are
 * routed (each rep then told once, of all their leads from it); {@code qualifiedAt}: when its leads
 * were scored together, making {@code mqls} MQLs.
 */
public record ImportJob(UUID id, Kind kind, String fileName, Path storedAs, long size, String encoding, char delimiter,
        List<String> header, Map<String, String> mapping, Policy policy, boolean route, State state, Long rows, long processed,
        Summary summary, Long checkedRows, Long checkedFailed, String message, PersonId createdBy, Instant createdAt,
        Instant startedAt, Instant finishedAt, Instant undoneAt, Instant qualifiedAt, Long mqls) {

    /** How long after it ended an import can be undone. */
    public static final Duration UNDOABLE_FOR = Duration.ofDays(7);

    public enum Kind {
        LEADS("Leads"), ACTIVITIES("Activities");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum State {
        UPLOADED("Uploaded, not started"), RUNNING("Importing"), DONE("Done"), FAILED("Failed"),
        CANCELLED("Cancelled"), UNDONE("Undone");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean ended() {
            return this == DONE || this == FAILED || this == CANCELLED || this == UNDONE;
        }
    }

    /** What the rows became. */
    public record Summary(long created, long updated, long merged, long skipped, long failed) {

        public static final Summary NONE = new Summary(0, 0, 0, 0, 0);

        public Summary plus(long c, long u, long m, long s, long f) {
            return new Summary(created + c, updated + u, merged + m, skipped + s, failed + f);
        }
    }

    /** Whether an undo is still possible at that moment. */
    public boolean undoable(Instant now) {
        return (state == State.DONE || state == State.CANCELLED || state == State.FAILED) && finishedAt != null
                && now.isBefore(finishedAt.plus(UNDOABLE_FOR));
    }

    /** Rows per second since the start, while running or once ended. */
    public double rowsPerSecond(Instant now) {
        if (startedAt == null || processed == 0) {
            return 0;
        }
        Instant end = finishedAt != null ? finishedAt : now;
        double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
        return processed / seconds;
    }

    /** Seconds left at the rate so far; null when it cannot be told. */
    public Long secondsLeft(Instant now) {
        double rate = rowsPerSecond(now);
        if (state != State.RUNNING || rows == null || rate <= 0) {
            return null;
        }
        return (long) Math.ceil(Math.max(0, rows - processed) / rate);
    }
}
