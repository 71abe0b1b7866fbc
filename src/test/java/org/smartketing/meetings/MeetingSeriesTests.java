package org.smartketing.meetings;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smartketing.meetings.planning.Meeting;
import org.smartketing.meetings.planning.MeetingPlanning;
import org.smartketing.meetings.planning.MeetingStore;
import org.smartketing.meetings.planning.Series;
import org.smartketing.meetings.planning.SeriesStore;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class MeetingSeriesTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    MeetingPlanning planning;

    @Autowired
    MeetingStore meetings;

    @Autowired
    SeriesStore series;

    @Test
    void aSeriesHasARowPerOccurrenceAndWarnsWhenOnlyOneDepartmentAttends() {
        Person sponsor = fixtures.aPerson(AppRole.MANAGER, Department.MANAGEMENT);
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Person otherRep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);

        MeetingPlanning.Planned planned = planning.create(Plans.weekly("Sales only", 5, sponsor, rep, otherRep),
                Fixtures.signedIn(rep));

        assertThat(meetings.ofSeries(planned.series().id())).hasSize(5)
                .allSatisfy(m -> assertThat(m.status()).isEqualTo(Meeting.Status.SCHEDULED));
        assertThat(planned.warnings()).singleElement().asString().contains("Only one department");
        Person marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        assertThat(planning.create(Plans.weekly("Both", 2, sponsor, rep, marketer), Fixtures.signedIn(rep)).warnings())
                .isEmpty();
    }

    @Test
    void editingThisAndFollowingSplitsTheSeriesAndKeepsTheEarlierMeetingsAndTheFamily() {
        Person sponsor = fixtures.aPerson(AppRole.MANAGER, Department.MANAGEMENT);
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Person marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        LocalDateTime first = Plans.nextThursday();
        Series original = planning.create(Plans.weekly("Sync", first, 6, sponsor, rep, marketer),
                Fixtures.signedIn(rep)).series();
        List<Meeting> before = meetings.ofSeries(original.id());
        Meeting third = before.get(2);
        planning.addAgendaPoint(before.get(3).id(), "Webinar leads", null, Fixtures.signedIn(marketer));

        // From the third meeting on: 14:00 instead of 09:00, 30 minutes.
        MeetingPlanning.SeriesPlan later = new MeetingPlanning.SeriesPlan("Sync (afternoons)", first.plusWeeks(2)
                .withHour(14), "Europe/Berlin", 30, original.rrule(), sponsor.id().value(),
                List.of(rep.id().value(), marketer.id().value()), List.of(), original.topic(), original.endGoal());
        Series rest = planning.edit(original.id(), later, third.id(), Fixtures.signedIn(rep)).series();

        Series shortened = series.byId(original.id()).orElseThrow();
        assertThat(shortened.rrule()).contains("COUNT=2");
        assertThat(shortened.sequence()).isEqualTo(original.sequence() + 1);
        assertThat(meetings.ofSeries(original.id())).extracting(Meeting::id)
                .containsExactly(before.get(0).id(), before.get(1).id());
        assertThat(rest.id()).isNotEqualTo(original.id());
        assertThat(rest.familyId()).isEqualTo(original.familyId());
        assertThat(rest.icalUid()).isNotEqualTo(original.icalUid());
        assertThat(rest.rrule()).contains("COUNT=4");
        List<Meeting> after = meetings.ofSeries(rest.id());
        assertThat(after).hasSize(4).allSatisfy(m -> {
            assertThat(m.startsAt().atZone(Plans.BERLIN).getHour()).isEqualTo(14);
            assertThat(m.durationMinutes()).isEqualTo(30);
        });
        assertThat(after).extracting(Meeting::id).as("the same meetings, moved: their agendas stay")
                .containsExactly(before.get(2).id(), before.get(3).id(), before.get(4).id(), before.get(5).id());
        assertThat(meetings.agenda(before.get(3).id())).extracting(MeetingStore.AgendaPoint::text)
                .containsExactly("Webinar leads");
    }

    @Autowired
    org.smartketing.team.teams.Teams teams;

    @Test
    void aSingleMeetingIsASeriesWithoutARuleAndATeamInvitesItsMembers() {
        Person sponsor = fixtures.aPerson(AppRole.MANAGER, Department.MANAGEMENT);
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Person marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        org.smartketing.team.TeamId pod = org.smartketing.team.TeamId.random();
        teams.insert(new org.smartketing.team.teams.Team(pod, "Pod " + pod.toString().substring(0, 6), null,
                java.util.Set.of(rep.id(), marketer.id()), java.time.Instant.now(), java.time.Instant.now()));

        Series single = planning.create(new MeetingPlanning.SeriesPlan("Kick-off", Plans.nextThursday(), "Europe/Berlin",
                60, null, sponsor.id().value(), List.of(), List.of(pod.value()), "Launch", "A date for the launch"),
                Fixtures.signedIn(sponsor)).series();

        assertThat(single.rrule()).isNull();
        assertThat(meetings.ofSeries(single.id())).singleElement()
                .satisfies(m -> assertThat(m.startsAt()).isEqualTo(Plans.nextThursday().atZone(Plans.BERLIN).toInstant()));
        assertThat(single.attendees()).containsExactlyInAnyOrder(rep.id(), marketer.id());
        assertThat(single.teams()).containsExactly(pod);
        assertThat(planning.warnings(single)).isEmpty();
    }

    @Test
    void editingOneOccurrenceMovesOnlyItAndRaisesTheSequence() {
        Person sponsor = fixtures.aPerson(AppRole.MANAGER, Department.MANAGEMENT);
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Series s = planning.create(Plans.weekly("Sync", 3, sponsor, rep), Fixtures.signedIn(rep)).series();
        Meeting second = meetings.ofSeries(s.id()).get(1);

        planning.editOccurrence(second.id(), new MeetingPlanning.OccurrenceChange(
                second.startsAt().atZone(Plans.BERLIN).toLocalDateTime().plusHours(2), 60, null, null),
                Fixtures.signedIn(rep));

        List<Meeting> all = meetings.ofSeries(s.id());
        assertThat(all.get(1).moved()).isTrue();
        assertThat(all.get(1).startsAt()).isEqualTo(second.startsAt().plusSeconds(7200));
        assertThat(all.get(1).recurrenceId()).isEqualTo(second.recurrenceId());
        assertThat(all.get(0).moved()).isFalse();
        assertThat(all.get(2).moved()).isFalse();
        assertThat(series.byId(s.id()).orElseThrow().sequence()).isEqualTo(1);
    }
}
