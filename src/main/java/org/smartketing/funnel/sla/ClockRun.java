package org.smartketing.funnel.sla;

import java.time.Instant;
import java.util.UUID;

import org.smartketing.funnel.LeadId;

/**
 * One run of a handoff clock for one owner. It runs from {@code startedAt} until it is stopped with
 * an {@link Outcome}; the warning falls at three quarters of its working time, the breach at all
 * of it.
 */
public record ClockRun(LeadId leadId, Kind clock, int run, UUID ownerId, int workMinutes, Instant startedAt,
        Instant warnAt, Instant dueAt, Instant stoppedAt, Outcome outcome, Instant warnedAt, Instant breachedAt) {

    public enum Kind {
        ACCEPT("Accept or reject"), FIRST_CONTACT("First contact");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How a run ended: the owner decided or made contact, or the lead went elsewhere. */
    public enum Outcome {
        ACCEPTED, REJECTED, CONTACTED, REASSIGNED, WITHDRAWN;

        /** The owner did what the clock asked for, so the run counts in the times to accept and to contact. */
        public boolean completes(Kind kind) {
            return kind == Kind.ACCEPT ? this == ACCEPTED || this == REJECTED : this == CONTACTED;
        }
    }

    /** The job names: {@code sla-warning} and {@code sla-breach}. */
    public enum Alarm {
        WARNING("sla-warning"), BREACH("sla-breach");

        private final String taskName;

        Alarm(String taskName) {
            this.taskName = taskName;
        }

        public String taskName() {
            return taskName;
        }
    }

    public boolean running() {
        return stoppedAt == null;
    }

    /** The db-scheduler task instance id of this run's jobs: {@code <lead>:<clock>:<run>}, the task name says which alarm. */
    public String jobId() {
        return jobId(leadId, clock, run);
    }

    static String jobId(LeadId lead, Kind clock, int run) {
        return lead + ":" + clock.name() + ":" + run;
    }

    /** The run a job id names. */
    record Key(LeadId leadId, Kind clock, int run) {

        static Key parse(String jobId) {
            String[] parts = jobId.split(":");
            return new Key(new LeadId(UUID.fromString(parts[0])), Kind.valueOf(parts[1]), Integer.parseInt(parts[2]));
        }
    }

    public Instant alarmAt(Alarm alarm) {
        return alarm == Alarm.WARNING ? warnAt : dueAt;
    }
}
