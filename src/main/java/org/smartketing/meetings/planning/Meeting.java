package org.smartketing.meetings.planning;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.smartketing.meetings.MeetingClosed;
import org.smartketing.meetings.MeetingId;
import org.smartketing.meetings.SeriesId;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.RuleViolationException;

/**
 * One occurrence of a series, which guards its own changes: only a scheduled meeting is moved,
 * refocused or cancelled; it starts with a topic and an end goal; only a running one moves
 * between steps and closes. Topic and end goal start as the series'.
 *
 * <p>{@code events} are what the change that made this instance registered (none when read from
 * the store); the service publishes them once it has saved the meeting.
 */
public record Meeting(MeetingId id, SeriesId seriesId, SeriesId familyId, Timing timing, Purpose purpose,
        Status status, Run run, List<Object> events) {

    public enum Status {
        SCHEDULED, RUNNING, CLOSED, CANCELLED
    }

    /** The protocol, in order, each with the minutes it is planned to take. */
    public enum Step {
        FOLLOW_UP("Follow-up", 10), TOPIC("Topic and end goal", 5), IDEAS("Ideas", 15), PLANS("Action plans", 15),
        COMMITMENTS("Commitments", 10), CLOSE("Close", 5);

        private final String label;
        private final int minutes;

        Step(String label, int minutes) {
            this.label = label;
            this.minutes = minutes;
        }

        public String label() {
            return label;
        }

        public int minutes() {
            return minutes;
        }

        public Step next() {
            return this == CLOSE ? CLOSE : values()[ordinal() + 1];
        }
    }

    /**
     * When it takes place. {@code recurrenceId} is its start as the rule gives it; {@code moved} when
     * it was given another time or length on its own.
     */
    public record Timing(Instant recurrenceId, Instant startsAt, int durationMinutes, boolean moved) {
    }

    /** How far a started meeting got: its step and since when, when it started and when it closed. */
    public record Run(Step step, Instant stepStartedAt, Instant startedAt, Instant closedAt) {

        public static final Run NOT_STARTED = new Run(null, null, null, null);
    }

    public Meeting {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** A new meeting of the series at {@code at}, as its rule gives it. */
    static Meeting scheduled(Series s, Instant at) {
        return new Meeting(MeetingId.random(), s.id(), s.familyId(), new Timing(at, at, s.durationMinutes(), false),
                s.purpose(), Status.SCHEDULED, Run.NOT_STARTED, List.of());
    }

    /**
     * This (not started) meeting as the occurrence at {@code at} of the series, which was
     * {@code seriesBefore} until now: it keeps a time of its own only while it is still that
     * occurrence, and topic and goal taken from the series follow the series.
     */
    Meeting asOccurrence(Series s, Purpose seriesBefore, Instant at) {
        requireScheduled("changed");
        Timing t = timing.moved() && at.equals(timing.recurrenceId()) ? timing
                : new Timing(at, at, s.durationMinutes(), false);
        return new Meeting(id, s.id(), s.familyId(), t, purpose.following(seriesBefore, s.purpose()), Status.SCHEDULED,
                Run.NOT_STARTED, List.of());
    }

    /** The same meeting, now held by the series that goes on after a split. */
    Meeting inSeries(SeriesId series) {
        requireScheduled("changed");
        return new Meeting(id, series, familyId, timing, purpose, status, run, List.of());
    }

    /** Another start or length for this meeting alone; it is marked moved when either changed. */
    public Meeting reschedule(Instant start, int minutes) {
        requireScheduled("changed");
        boolean changed = !start.equals(startsAt()) || minutes != durationMinutes();
        Timing t = new Timing(timing.recurrenceId(), start, minutes, moved() || changed);
        return new Meeting(id, seriesId, familyId, t, purpose, status, run, List.of());
    }

    public Meeting refocus(Purpose newPurpose) {
        requireScheduled("changed");
        return new Meeting(id, seriesId, familyId, timing, newPurpose, status, run, List.of());
    }

    public Meeting cancel() {
        requireScheduled("cancelled");
        return new Meeting(id, seriesId, familyId, timing, purpose, Status.CANCELLED, run, List.of());
    }

    /**
     * Opens on the follow-up of open items; topic and end goal are required. Starting a meeting that
     * runs already changes nothing.
     */
    public Meeting start(Instant at) {
        if (status == Status.RUNNING) {
            return this;
        }
        if (status != Status.SCHEDULED) {
            throw new RuleViolationException("This meeting is " + status.name().toLowerCase() + ".");
        }
        if (topic() == null) {
            throw new InvalidFieldException("topic", "is required to start the meeting");
        }
        if (endGoal() == null) {
            throw new InvalidFieldException("endGoal", "is required to start the meeting: what should it achieve?");
        }
        Run opened = new Run(Step.FOLLOW_UP, at, at, null);
        return new Meeting(id, seriesId, familyId, timing, purpose, Status.RUNNING, opened, List.of());
    }

    /** To the named step, whichever it is (attendees lead as they see fit); its timer starts again. */
    public Meeting moveTo(Step to, Instant at) {
        requireRunning();
        if (to == null) {
            throw new InvalidFieldException("step", "is required");
        }
        if (to == step()) {
            return this;
        }
        return new Meeting(id, seriesId, familyId, timing, purpose, status, new Run(to, at, run.startedAt(), null),
                List.of());
    }

    /** Ends the meeting on its close step and registers {@link MeetingClosed}. */
    public Meeting close(Instant at, Series s, int actionItems, int commitments) {
        requireRunning();
        if (!s.id().equals(seriesId)) {
            throw new IllegalArgumentException("Meeting " + id + " is not in series " + s.id());
        }
        return new Meeting(id, seriesId, familyId, timing, purpose, Status.CLOSED,
                new Run(Step.CLOSE, run.stepStartedAt(), run.startedAt(), at),
                List.of(new MeetingClosed(id.value(), seriesId.value(), s.title(), at, actionItems, commitments)));
    }

    /** Ideas, plans, commitments and follow-up happen while the meeting runs. */
    public void requireRunning() {
        if (status != Status.RUNNING) {
            throw new RuleViolationException(status == Status.SCHEDULED ? "This meeting has not started yet."
                    : "This meeting is " + status.name().toLowerCase() + ".");
        }
    }

    /** Talking points are added until the meeting is over. */
    public void requireNotOver() {
        if (status == Status.CLOSED || status == Status.CANCELLED) {
            throw new RuleViolationException("This meeting is over.");
        }
    }

    /** A meeting is rated on its close step or after it closed. */
    public void requireRatable() {
        if (!(status == Status.CLOSED || (status == Status.RUNNING && step() == Step.CLOSE))) {
            throw new RuleViolationException("Meetings are rated when they close.");
        }
    }

    /** Only a meeting that has not started is changed (on its own or with its series). */
    void requireNotStarted() {
        requireScheduled("changed");
    }

    private void requireScheduled(String what) {
        if (status != Status.SCHEDULED) {
            throw new RuleViolationException("Only meetings that have not started can be " + what + ".");
        }
    }

    public boolean running() {
        return status == Status.RUNNING;
    }

    public Instant endsAt() {
        return startsAt().plus(Duration.ofMinutes(durationMinutes()));
    }

    public Instant recurrenceId() {
        return timing.recurrenceId();
    }

    public Instant startsAt() {
        return timing.startsAt();
    }

    public int durationMinutes() {
        return timing.durationMinutes();
    }

    public boolean moved() {
        return timing.moved();
    }

    public String topic() {
        return purpose.topic();
    }

    public String endGoal() {
        return purpose.endGoal();
    }

    public Step step() {
        return run.step();
    }

    public Instant stepStartedAt() {
        return run.stepStartedAt();
    }

    public Instant startedAt() {
        return run.startedAt();
    }

    public Instant closedAt() {
        return run.closedAt();
    }
}
