package org.smartketing.meetings.running;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.smartketing.meetings.ActionItemCompleted;
import org.smartketing.meetings.ActionItemId;
import org.smartketing.meetings.MeetingId;
import org.smartketing.meetings.SeriesId;
import org.smartketing.meetings.planning.Meeting;
import org.smartketing.meetings.planning.Purpose;
import org.smartketing.meetings.planning.Series;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.team.PersonId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An action item guards its own follow-up: every allowed and refused outcome, and the event done registers. */
class ActionItemTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate TODAY = LocalDate.of(2027, 3, 18);
    static final Instant NOW = TODAY.atTime(9, 30).atZone(BERLIN).toInstant();
    static final PersonId AUTHOR = PersonId.random();

    final Meeting running = aRunningMeeting();
    final ActionItem open = ActionItem.plan(ActionItemId.random(), running, AUTHOR,
            new ActionItem.Draft("Call the webinar leads", AUTHOR, TODAY.plusDays(3), null, null), TODAY, NOW);

    enum Closed {
        DONE(i -> i.markDone(TODAY)), DROPPED(i -> i.drop("The campaign stopped"));

        final UnaryOperator<ActionItem> from;

        Closed(UnaryOperator<ActionItem> from) {
            this.from = from;
        }
    }

    @Test
    void aPlannedItemIsOpenAndDueOnTheDatePromisedInTheMeeting() {
        assertThat(open.status()).isEqualTo(ActionItem.Status.OPEN);
        assertThat(open.firstDueOn()).isEqualTo(TODAY.plusDays(3));
        assertThat(open.dueOn()).isEqualTo(TODAY.plusDays(3));
        assertThat(open.meetingId()).isEqualTo(running.id());
        assertThat(open.familyId()).isEqualTo(running.familyId());
        assertThat(open.authorId()).isEqualTo(AUTHOR);
        assertThat(open.createdAt()).isEqualTo(NOW);
        assertThat(open.events()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "an empty text                | '  '  | 3    | text",
        "no due date                  | Call  | null | dueOn",
        "a due date in the past       | Call  | -1   | dueOn",
        "a due date beyond two years  | Call  | 800  | dueOn" })
    void aPlanItemIsRefusedFor(String what, String text, Integer dueInDays, String field) {
        ActionItem.Draft draft = new ActionItem.Draft(text, AUTHOR, dueInDays == null ? null : TODAY.plusDays(dueInDays),
                null, null);

        assertThatThrownBy(() -> ActionItem.plan(ActionItemId.random(), running, AUTHOR, draft, TODAY, NOW))
                .isInstanceOfSatisfying(InvalidFieldException.class, ex -> assertThat(ex.field()).isEqualTo(field));
    }

    @Test
    void itemsArePlannedOnlyWhileTheMeetingRuns() {
        Meeting closed = running.close(NOW, SERIES, 0, 0);
        ActionItem.Draft draft = new ActionItem.Draft("Call", AUTHOR, TODAY.plusDays(1), null, null);

        assertThatThrownBy(() -> ActionItem.plan(ActionItemId.random(), closed, AUTHOR, draft, TODAY, NOW))
                .isInstanceOf(RuleViolationException.class).hasMessage("This meeting is closed.");
    }

    @Test
    void markingDoneOnTimeRegistersActionItemCompletedOnTime() {
        ActionItem done = open.markDone(TODAY.plusDays(3));

        assertThat(done.status()).isEqualTo(ActionItem.Status.DONE);
        assertThat(done.doneOn()).isEqualTo(TODAY.plusDays(3));
        assertThat(done.doneOnTime()).isTrue();
        assertThat(done.events()).containsExactly(new ActionItemCompleted(open.id().value(), AUTHOR,
                "Call the webinar leads", TODAY.plusDays(3), TODAY.plusDays(3), true));
    }

    @Test
    void markingDoneAfterTheDatePromisedRegistersItLateEvenWhenTheDateWasMoved() {
        ActionItem done = open.notDoneUntil(TODAY.plusDays(10), TODAY).markDone(TODAY.plusDays(8));

        assertThat(done.doneOnTime()).isFalse();
        assertThat(done.events()).singleElement().isInstanceOfSatisfying(ActionItemCompleted.class, e -> {
            assertThat(e.promisedBy()).isEqualTo(TODAY.plusDays(3));
            assertThat(e.onTime()).isFalse();
        });
    }

    @Test
    void notDoneKeepsTheItemOpenWithANewDateAndThePromisedOne() {
        ActionItem moved = open.notDoneUntil(TODAY.plusDays(7), TODAY);

        assertThat(moved.open()).isTrue();
        assertThat(moved.dueOn()).isEqualTo(TODAY.plusDays(7));
        assertThat(moved.firstDueOn()).isEqualTo(TODAY.plusDays(3));
        assertThat(moved.events()).isEmpty();
        assertThatThrownBy(() -> open.notDoneUntil(null, TODAY)).isInstanceOfSatisfying(InvalidFieldException.class,
                ex -> assertThat(ex.field()).isEqualTo("newDueOn"));
        assertThatThrownBy(() -> open.notDoneUntil(TODAY.minusDays(1), TODAY))
                .isInstanceOfSatisfying(InvalidFieldException.class, ex -> assertThat(ex.field()).isEqualTo("newDueOn"));
    }

    @Test
    void droppingNeedsAReason() {
        ActionItem dropped = open.drop("The campaign stopped");

        assertThat(dropped.status()).isEqualTo(ActionItem.Status.DROPPED);
        assertThat(dropped.reason()).isEqualTo("The campaign stopped");
        assertThat(dropped.events()).isEmpty();
        assertThatThrownBy(() -> open.drop(null)).isInstanceOfSatisfying(InvalidFieldException.class,
                ex -> assertThat(ex.field()).isEqualTo("reason"));
    }

    @ParameterizedTest
    @EnumSource(Closed.class)
    void aClosedItemIsNotFollowedUpAgain(Closed state) {
        ActionItem closed = state.from.apply(open);
        String message = "This item is already " + state.name().toLowerCase() + ".";

        assertThatThrownBy(() -> closed.markDone(TODAY)).isInstanceOf(RuleViolationException.class).hasMessage(message);
        assertThatThrownBy(() -> closed.notDoneUntil(TODAY.plusDays(1), TODAY)).isInstanceOf(RuleViolationException.class)
                .hasMessage(message);
        assertThatThrownBy(() -> closed.drop("Again")).isInstanceOf(RuleViolationException.class).hasMessage(message);
    }

    @Test
    void anOutcomeIsReadInAnyCaseAndAnUnknownOneNamesTheField() {
        assertThat(ActionItem.Outcome.parse(" not_done ")).isEqualTo(ActionItem.Outcome.NOT_DONE);
        assertThat(ActionItem.Outcome.parse("DROPPED")).isEqualTo(ActionItem.Outcome.DROPPED);
        for (String bad : new String[] { null, "", "FINISHED" }) {
            assertThatThrownBy(() -> ActionItem.Outcome.parse(bad)).isInstanceOfSatisfying(InvalidFieldException.class,
                    ex -> assertThat(ex.field()).isEqualTo("outcome"));
        }
    }

    static final Series SERIES = Series.plan(SeriesId.random(), new Series.Terms("Sync",
            new Series.Schedule(LocalDateTime.of(2027, 3, 18, 9, 0), BERLIN, 45, null),
            new Series.Invitees(PersonId.random(), List.of(AUTHOR), List.of()), new Purpose("Pipeline", "Actions")),
            AUTHOR, NOW.minusSeconds(86_400));

    /** A running meeting of {@link #SERIES}, as the store would read it back. */
    static Meeting aRunningMeeting() {
        Instant nine = NOW.minusSeconds(1800);
        return new Meeting(MeetingId.random(), SERIES.id(), SERIES.familyId(), new Meeting.Timing(nine, nine, 45, false),
                SERIES.purpose(), Meeting.Status.SCHEDULED, Meeting.Run.NOT_STARTED, List.of()).start(nine);
    }
}
