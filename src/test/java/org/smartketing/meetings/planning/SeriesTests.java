package org.smartketing.meetings.planning;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smartketing.meetings.SeriesId;
import org.smartketing.shared.NotPermittedException;
import org.smartketing.team.PersonId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smartketing.meetings.planning.MeetingTests.assertRefused;

/** The series guards its own changes: each raises the SEQUENCE, a split keeps the family, a cancelled one stays put. */
class SeriesTests {

    static final Instant LATER = Instant.parse("2027-03-05T10:00:00Z");

    final Series series = MeetingTests.aSeries(new Purpose("Pipeline", "Three actions each"));

    @Test
    void aNewSeriesIsTheFirstOfItsFamilyWithItsOwnCalendarUid() {
        assertThat(series.familyId()).isEqualTo(series.id());
        assertThat(series.icalUid()).isEqualTo(series.id() + "@smartketing");
        assertThat(series.sequence()).isZero();
        assertThat(series.cancelled()).isFalse();
        assertThat(series.recurring()).isTrue();
    }

    @Test
    void replanningReplacesTheTermsAndRaisesTheSequenceButKeepsItsIdentity() {
        Series.Terms terms = new Series.Terms("Sync, afternoons", series.terms().schedule(),
                new Series.Invitees(series.sponsorId(), List.of(PersonId.random()), List.of()), Purpose.NONE);

        Series after = series.replan(terms);

        assertThat(after.terms()).isEqualTo(terms);
        assertThat(after.sequence()).isEqualTo(1);
        assertThat(after.id()).isEqualTo(series.id());
        assertThat(after.icalUid()).isEqualTo(series.icalUid());
        assertThat(after.organizerId()).isEqualTo(series.organizerId());
        assertThat(after.createdAt()).isEqualTo(series.createdAt());
    }

    @Test
    void aSplitShortensTheRuleAndGoesOnAsANewSeriesOfTheSameFamily() {
        Series shortened = series.endingWith("FREQ=WEEKLY;BYDAY=TH;COUNT=2");
        SeriesId restId = SeriesId.random();
        Series rest = series.continuation(restId, series.terms(), LATER);

        assertThat(shortened.rrule()).isEqualTo("FREQ=WEEKLY;BYDAY=TH;COUNT=2");
        assertThat(shortened.sequence()).isEqualTo(1);
        assertThat(shortened.title()).isEqualTo(series.title());
        assertThat(rest.id()).isEqualTo(restId);
        assertThat(rest.familyId()).isEqualTo(series.familyId());
        assertThat(rest.icalUid()).isEqualTo(restId + "@smartketing").isNotEqualTo(series.icalUid());
        assertThat(rest.sequence()).isZero();
        assertThat(rest.createdAt()).isEqualTo(LATER);
        assertThat(rest.organizerId()).isEqualTo(series.organizerId());
    }

    @Test
    void changingOneMeetingRaisesTheSeriesSequence() {
        assertThat(series.withOccurrenceChanged().sequence()).isEqualTo(1);
        assertThat(series.withOccurrenceChanged().terms()).isEqualTo(series.terms());
    }

    @Test
    void aCancelledSeriesChangesNoMore() {
        Series cancelled = series.cancel(LATER);

        assertThat(cancelled.cancelledAt()).isEqualTo(LATER);
        assertThat(cancelled.sequence()).isEqualTo(1);
        assertRefused(() -> cancelled.cancel(LATER), "This series is cancelled.");
        assertRefused(() -> cancelled.replan(series.terms()), "This series is cancelled.");
        assertRefused(() -> cancelled.continuation(SeriesId.random(), series.terms(), LATER), "This series is cancelled.");
        assertRefused(() -> cancelled.endingWith(null), "This series is cancelled.");
        assertRefused(cancelled::withOccurrenceChanged, "This series is cancelled.");
        assertRefused(() -> cancelled.requireChangeableBy(series.organizerId(), true), "This series is cancelled.");
    }

    @Test
    void theOrganizerTheSponsorOrAnAdminChangeASeriesAndNobodyElse() {
        series.requireChangeableBy(series.organizerId(), false);
        series.requireChangeableBy(series.sponsorId(), false);
        series.requireChangeableBy(PersonId.random(), true);

        assertThatThrownBy(() -> series.requireChangeableBy(series.attendees().get(0), false))
                .isInstanceOf(NotPermittedException.class)
                .hasMessage("Only the organizer, the sponsor or an admin changes this series.");
    }

    @Test
    void everyoneIsTheAttendeesTheSponsorAndTheOrganizerOnce() {
        assertThat(series.everyone()).containsExactly(series.attendees().get(0), series.attendees().get(1),
                series.sponsorId(), series.organizerId());
        assertThat(series.involves(series.sponsorId())).isTrue();
        assertThat(series.involves(PersonId.random())).isFalse();
    }
}
