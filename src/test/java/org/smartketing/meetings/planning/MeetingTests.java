package org.smartketing.meetings.planning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartketing.meetings.MeetingClosed;
import org.smartketing.meetings.SeriesId;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.team.PersonId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The meeting guards its own transitions: every allowed and refused one, and the event closing registers. */
class MeetingTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Instant NINE = LocalDateTime.of(2027, 3, 18, 9, 0).atZone(BERLIN).toInstant();

    static final Series SERIES = aSeries(new Purpose("Pipeline", "Three actions each"));

    final Series series = SERIES;
    final Meeting scheduled = Meeting.scheduled(series, NINE);

    enum NotScheduled {
        RUNNING(m -> m.start(NINE)), CLOSED(m -> m.start(NINE).close(NINE.plusSeconds(2700), SERIES, 0, 0)),
        CANCELLED(Meeting::cancel);

        final UnaryOperator<Meeting> from;

        NotScheduled(UnaryOperator<Meeting> from) {
            this.from = from;
        }

        Meeting of(Meeting scheduled) {
            return from.apply(scheduled);
        }
    }

    @Test
    void aNewMeetingIsScheduledAtItsRulesTimeWithTheSeriesPurposeAndNoEvents() {
        assertThat(scheduled.status()).isEqualTo(Meeting.Status.SCHEDULED);
        assertThat(scheduled.recurrenceId()).isEqualTo(NINE);
        assertThat(scheduled.startsAt()).isEqualTo(NINE);
        assertThat(scheduled.durationMinutes()).isEqualTo(45);
        assertThat(scheduled.moved()).isFalse();
        assertThat(scheduled.purpose()).isEqualTo(series.purpose());
        assertThat(scheduled.familyId()).isEqualTo(series.familyId());
        assertThat(scheduled.step()).isNull();
        assertThat(scheduled.events()).isEmpty();
    }

    @Test
    void reschedulingMarksTheMeetingMovedOnlyWhenTheTimeOrLengthChanges() {
        Meeting same = scheduled.reschedule(NINE, 45);
        Meeting later = scheduled.reschedule(NINE.plusSeconds(3600), 45);
        Meeting longer = scheduled.reschedule(NINE, 60);

        assertThat(same.moved()).isFalse();
        assertThat(later.moved()).isTrue();
        assertThat(later.startsAt()).isEqualTo(NINE.plusSeconds(3600));
        assertThat(later.recurrenceId()).as("it stays the same occurrence").isEqualTo(NINE);
        assertThat(longer.moved()).isTrue();
        assertThat(longer.endsAt()).isEqualTo(NINE.plus(Duration.ofMinutes(60)));
        assertThat(later.reschedule(NINE, 45).moved()).as("moved back, still its own time").isTrue();
    }

    @Test
    void refocusingAndCancellingChangeAScheduledMeeting() {
        assertThat(scheduled.refocus(new Purpose("Webinars", null)).purpose()).isEqualTo(new Purpose("Webinars", null));
        assertThat(scheduled.cancel().status()).isEqualTo(Meeting.Status.CANCELLED);
    }

    @ParameterizedTest
    @EnumSource(NotScheduled.class)
    void aMeetingThatIsNotScheduledIsNotMovedRefocusedCancelledOrSplitOff(NotScheduled state) {
        Meeting m = state.of(scheduled);

        assertRefused(() -> m.reschedule(NINE.plusSeconds(60), 45),
                "Only meetings that have not started can be changed.");
        assertRefused(() -> m.refocus(Purpose.NONE), "Only meetings that have not started can be changed.");
        assertRefused(m::cancel, "Only meetings that have not started can be cancelled.");
        assertRefused(() -> m.inSeries(SeriesId.random()), "Only meetings that have not started can be changed.");
        assertRefused(() -> m.asOccurrence(series, series.purpose(), NINE),
                "Only meetings that have not started can be changed.");
    }

    @Test
    void startingOpensOnTheFollowUpAndStartingAgainChangesNothing() {
        Meeting running = scheduled.start(NINE.plusSeconds(30));

        assertThat(running.status()).isEqualTo(Meeting.Status.RUNNING);
        assertThat(running.step()).isEqualTo(Meeting.Step.FOLLOW_UP);
        assertThat(running.startedAt()).isEqualTo(NINE.plusSeconds(30));
        assertThat(running.stepStartedAt()).isEqualTo(NINE.plusSeconds(30));
        assertThat(running.start(NINE.plusSeconds(90))).isSameAs(running);
        assertThat(running.events()).isEmpty();
    }

    @Test
    void aMeetingDoesNotStartWithoutATopicOrAnEndGoal() {
        Meeting noTopic = scheduled.refocus(new Purpose(null, "Three actions each"));
        Meeting noGoal = scheduled.refocus(new Purpose("Pipeline", null));

        assertThatThrownBy(() -> noTopic.start(NINE)).isInstanceOfSatisfying(InvalidFieldException.class,
                ex -> assertThat(ex.field()).isEqualTo("topic"));
        assertThatThrownBy(() -> noGoal.start(NINE)).isInstanceOfSatisfying(InvalidFieldException.class,
                ex -> assertThat(ex.field()).isEqualTo("endGoal"));
    }

    @Test
    void aClosedOrCancelledMeetingDoesNotStart() {
        assertRefused(() -> NotScheduled.CLOSED.of(scheduled).start(NINE), "This meeting is closed.");
        assertRefused(() -> scheduled.cancel().start(NINE), "This meeting is cancelled.");
    }

    @Test
    void aRunningMeetingMovesToAnyStepAndItsTimerStartsAgain() {
        Meeting running = scheduled.start(NINE);
        Meeting ideas = running.moveTo(Meeting.Step.IDEAS, NINE.plusSeconds(600));
        Meeting back = ideas.moveTo(Meeting.Step.FOLLOW_UP, NINE.plusSeconds(900));

        assertThat(ideas.step()).isEqualTo(Meeting.Step.IDEAS);
        assertThat(ideas.stepStartedAt()).isEqualTo(NINE.plusSeconds(600));
        assertThat(ideas.startedAt()).isEqualTo(NINE);
        assertThat(back.step()).isEqualTo(Meeting.Step.FOLLOW_UP);
        assertThat(ideas.moveTo(Meeting.Step.IDEAS, NINE.plusSeconds(700))).as("the same step keeps its timer")
                .isSameAs(ideas);
        assertThatThrownBy(() -> running.moveTo(null, NINE)).isInstanceOfSatisfying(InvalidFieldException.class,
                ex -> assertThat(ex.field()).isEqualTo("step"));
    }

    @Test
    void onlyARunningMeetingMovesBetweenStepsAndCloses() {
        assertRefused(() -> scheduled.moveTo(Meeting.Step.IDEAS, NINE), "This meeting has not started yet.");
        assertRefused(() -> scheduled.close(NINE, series, 0, 0), "This meeting has not started yet.");
        Meeting closed = NotScheduled.CLOSED.of(scheduled);
        assertRefused(() -> closed.moveTo(Meeting.Step.IDEAS, NINE), "This meeting is closed.");
        assertRefused(() -> closed.close(NINE, SERIES, 0, 0), "This meeting is closed.");
        assertRefused(() -> scheduled.cancel().close(NINE, series, 0, 0), "This meeting is cancelled.");
        assertRefused(scheduled::requireRunning, "This meeting has not started yet.");
    }

    @Test
    void closingEndsTheMeetingOnItsCloseStepAndRegistersMeetingClosed() {
        Instant end = NINE.plusSeconds(2700);
        Meeting closed = scheduled.start(NINE).moveTo(Meeting.Step.PLANS, NINE.plusSeconds(1200))
                .close(end, series, 4, 2);

        assertThat(closed.status()).isEqualTo(Meeting.Status.CLOSED);
        assertThat(closed.step()).isEqualTo(Meeting.Step.CLOSE);
        assertThat(closed.closedAt()).isEqualTo(end);
        assertThat(closed.startedAt()).isEqualTo(NINE);
        assertThat(closed.events()).containsExactly(new MeetingClosed(closed.id().value(), series.id().value(),
                "Sync", end, 4, 2));
    }

    @Test
    void theNextChangeDoesNotCarryTheEventsOfTheOneBefore() {
        Meeting closed = scheduled.start(NINE).close(NINE.plusSeconds(60), series, 0, 0);

        assertThat(closed.events()).hasSize(1);
        assertThat(scheduled.start(NINE).moveTo(Meeting.Step.IDEAS, NINE).events()).isEmpty();
    }

    @Test
    void aMeetingIsRatedOnItsCloseStepOrAfterItClosedAndTakesTalkingPointsUntilItIsOver() {
        Meeting running = scheduled.start(NINE);

        assertRefused(running::requireRatable, "Meetings are rated when they close.");
        assertRefused(scheduled::requireRatable, "Meetings are rated when they close.");
        running.moveTo(Meeting.Step.CLOSE, NINE).requireRatable();
        NotScheduled.CLOSED.of(scheduled).requireRatable();

        scheduled.requireNotOver();
        running.requireNotOver();
        assertRefused(() -> NotScheduled.CLOSED.of(scheduled).requireNotOver(), "This meeting is over.");
        assertRefused(() -> scheduled.cancel().requireNotOver(), "This meeting is over.");
    }

    @Test
    void asAnOccurrenceOfTheChangedSeriesAMovedMeetingKeepsItsTimeAndItsOwnTopic() {
        Meeting own = scheduled.reschedule(NINE.plusSeconds(7200), 30).refocus(new Purpose("Our own topic",
                "Three actions each"));
        Series changed = series.replan(new Series.Terms("Sync", series.terms().schedule(), series.terms().invitees(),
                new Purpose("Pipeline, later", "Two actions each")));

        Meeting same = own.asOccurrence(changed, series.purpose(), NINE);
        Meeting other = own.asOccurrence(changed, series.purpose(), NINE.plus(Duration.ofDays(7)));

        assertThat(same.startsAt()).isEqualTo(NINE.plusSeconds(7200));
        assertThat(same.moved()).isTrue();
        assertThat(same.purpose()).as("its own topic stays, the goal it took from the series follows it")
                .isEqualTo(new Purpose("Our own topic", "Two actions each"));
        assertThat(other.recurrenceId()).isEqualTo(NINE.plus(Duration.ofDays(7)));
        assertThat(other.startsAt()).as("another occurrence takes the rule's time").isEqualTo(other.recurrenceId());
        assertThat(other.moved()).isFalse();
        assertThat(other.durationMinutes()).isEqualTo(45);
    }

    @Test
    void aSplitMovesTheMeetingToTheSeriesThatGoesOn() {
        SeriesId rest = SeriesId.random();

        Meeting moved = scheduled.inSeries(rest);

        assertThat(moved.seriesId()).isEqualTo(rest);
        assertThat(moved.familyId()).isEqualTo(scheduled.familyId());
        assertThat(moved.id()).isEqualTo(scheduled.id());
    }

    static Series aSeries(Purpose purpose) {
        PersonId sponsor = PersonId.random();
        return Series.plan(SeriesId.random(), new Series.Terms("Sync",
                new Series.Schedule(LocalDateTime.of(2027, 3, 18, 9, 0), BERLIN, 45, "FREQ=WEEKLY;BYDAY=TH;COUNT=4"),
                new Series.Invitees(sponsor, List.of(PersonId.random(), PersonId.random()), List.of()), purpose),
                PersonId.random(), Instant.parse("2027-03-01T10:00:00Z"));
    }

    static void assertRefused(Runnable change, String message) {
        assertThatThrownBy(change::run).isInstanceOf(RuleViolationException.class).hasMessage(message);
    }
}
