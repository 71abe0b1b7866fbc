package org.smartketing.meetings.planning;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One occurrence of a series. {@code recurrenceId} is its start as the rule gives it; {@code moved}
 * when it was given another time or length on its own. Topic and end goal start as the series'.
 */
public record Meeting(UUID id, UUID seriesId, UUID familyId, Instant recurrenceId, Instant startsAt,
        int durationMinutes, String topic, String endGoal, boolean moved, Status status, Step step,
        Instant stepStartedAt, Instant startedAt, Instant closedAt) {

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

    public Meeting withStatus(Status to) {
        return new Meeting(id, seriesId, familyId, recurrenceId, startsAt, durationMinutes, topic, endGoal, moved, to, step,
                stepStartedAt, startedAt, closedAt);
    }

    /** Running from {@code at}, on the first step. */
    public Meeting started(Instant at) {
        return new Meeting(id, seriesId, familyId, recurrenceId, startsAt, durationMinutes, topic, endGoal, moved,
                Status.RUNNING, Step.FOLLOW_UP, at, at, null);
    }

    public Meeting onStep(Step to, Instant at) {
        return new Meeting(id, seriesId, familyId, recurrenceId, startsAt, durationMinutes, topic, endGoal, moved, status,
                to, at, startedAt, closedAt);
    }

    public Meeting closed(Instant at) {
        return new Meeting(id, seriesId, familyId, recurrenceId, startsAt, durationMinutes, topic, endGoal, moved,
                Status.CLOSED, Step.CLOSE, stepStartedAt, startedAt, at);
    }

    public Meeting inSeries(UUID series) {
        return new Meeting(id, series, familyId, recurrenceId, startsAt, durationMinutes, topic, endGoal, moved, status,
                step, stepStartedAt, startedAt, closedAt);
    }

    public Instant endsAt() {
        return startsAt.plus(Duration.ofMinutes(durationMinutes));
    }

    public boolean running() {
        return status == Status.RUNNING;
    }
}
