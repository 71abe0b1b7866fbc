package org.smartketing.crosstraining.sessions;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.smartketing.crosstraining.OfferId;
import org.smartketing.crosstraining.SessionId;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;

/**
 * A cross-training session, which guards its own changes: learners join while it is scheduled and
 * has not started; the host moves it (its calendar SEQUENCE goes up) or declines it; a cancelled
 * session changes no more. {@code hostId} is the trainer of a planned session.
 */
public record Session(SessionId id, Kind kind, String topic, Host host, Instant startsAt, int durationMinutes,
        ZoneId zone, Work work, OfferId offerId, Status status, int sequence, List<PersonId> learners,
        PersonId createdBy, Instant createdAt) {

    public enum Kind {
        SHADOWING("Shadowing"), PLANNED("Planned cross-training");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        SCHEDULED, CANCELLED
    }

    /** Who hosts or trains, with their department and job role as they were when it was planned. */
    public record Host(PersonId id, Department department, String jobRole) {
    }

    public static final int SHORTEST = 15;
    public static final int LONGEST = 480;

    public Session {
        learners = List.copyOf(learners);
        startsAt = startsAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // what the calendar and the jobs name
    }

    /** Checks what every session needs, whatever its kind; {@code now} keeps it out of the past. */
    public static void requireTiming(Instant startsAt, Integer durationMinutes, Instant now) {
        if (startsAt == null) {
            throw new InvalidFieldException("startsAt", "is required");
        }
        if (!startsAt.isAfter(now)) {
            throw new InvalidFieldException("startsAt", "must be in the future: a session is planned before it happens");
        }
        if (startsAt.isAfter(now.plus(Duration.ofDays(366)))) {
            throw new InvalidFieldException("startsAt", "must be within a year");
        }
        if (durationMinutes == null) {
            throw new InvalidFieldException("durationMinutes", "is required");
        }
        if (durationMinutes < SHORTEST || durationMinutes > LONGEST) {
            throw new InvalidFieldException("durationMinutes", "must be between " + SHORTEST + " and " + LONGEST);
        }
    }

    /**
     * Whether a learner from {@code department} may join. Shadowing is learning the other
     * department's job, so a learner from the host's own department is refused there (a planned
     * session may mix both).
     */
    public static void requireLearnerFor(Kind kind, Department hostDepartment, Department learner, String field) {
        if (kind == Kind.SHADOWING && learner == hostDepartment) {
            throw new InvalidFieldException(field, "is in " + hostDepartment.label().toLowerCase()
                    + " like the host: shadowing is for learning the other department's job");
        }
        if (kind == Kind.SHADOWING && learner != Department.SALES && learner != Department.MARKETING) {
            throw new InvalidFieldException(field, "must be in sales or marketing to shadow");
        }
    }

    public Instant endsAt() {
        return startsAt.plus(Duration.ofMinutes(durationMinutes));
    }

    public boolean cancelled() {
        return status == Status.CANCELLED;
    }

    public boolean involves(PersonId person) {
        return host.id().equals(person) || learners.contains(person);
    }

    public boolean over(Instant now) {
        return !endsAt().isAfter(now);
    }

    public double hours() {
        return durationMinutes / 60.0;
    }

    /** A learner joins; the invitation goes out again with a raised SEQUENCE. */
    public Session join(PersonId learner, Department department, Instant now) {
        requireScheduled();
        if (!startsAt.isAfter(now)) {
            throw new RuleViolationException("This session has already started.");
        }
        if (host.id().equals(learner)) {
            throw new InvalidFieldException("learnerId", "is the host: a host does not shadow their own work");
        }
        if (learners.contains(learner)) {
            throw new InvalidFieldException("learnerId", "is already in this session");
        }
        requireLearnerFor(kind, host.department(), department, "learnerId");
        List<PersonId> more = new ArrayList<>(learners);
        more.add(learner);
        return new Session(id, kind, topic, host, startsAt, durationMinutes, zone, work, offerId, status, sequence + 1,
                more, createdBy, createdAt);
    }

    /** The host moves it to another time (or length). */
    public Session moveTo(Instant newStart, Integer newDuration, Instant now) {
        requireScheduled();
        if (!startsAt.isAfter(now)) {
            throw new RuleViolationException("This session has already started; it can no longer be moved.");
        }
        requireTiming(newStart, newDuration, now);
        return new Session(id, kind, topic, host, newStart, newDuration, zone, work, offerId, status, sequence + 1,
                learners, createdBy, createdAt);
    }

    /** The host declines: nobody comes. */
    public Session cancel(Instant now) {
        requireScheduled();
        if (over(now)) {
            throw new RuleViolationException("This session is over; it can no longer be cancelled.");
        }
        return new Session(id, kind, topic, host, startsAt, durationMinutes, zone, work, offerId, Status.CANCELLED,
                sequence + 1, learners, createdBy, createdAt);
    }

    private void requireScheduled() {
        if (cancelled()) {
            throw new RuleViolationException("This session was cancelled.");
        }
    }

    public String icalUid() {
        return id + "@crosstraining.smartketing";
    }
}
