package org.smartketing.goals.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.smartketing.goals.GoalRevised;
import org.smartketing.goals.GoalSet;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.StaleVersionException;
import org.smartketing.team.Actor;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The goal aggregate guards what it is set with and every change; endorsements follow versions. */
class GoalTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final PersonId REP = new PersonId(UUID.randomUUID());
    static final PersonId MARKETER = new PersonId(UUID.randomUUID());
    static final PersonId OUTSIDER = new PersonId(UUID.randomUUID());
    static final Set<PersonId> TEAM = Set.of(REP, MARKETER);
    static final Actor BY = Actor.person(REP, Department.SALES);
    static final Instant SET_AT = Instant.parse("2026-04-01T08:00:00Z");

    static NewGoal fortyCustomers(PlannedActivity.Input... activities) {
        return new NewGoal(UUID.randomUUID(), "40 new customers", new Period.Input("2026-Q2", null, null, null), null,
                new Outcome.Input("NEW_CUSTOMERS", new BigDecimal("40"), null), "WEEKLY", null,
                activities.length == 0 ? List.of(demos(10), webinars(1)) : List.of(activities));
    }

    static PlannedActivity.Input demos(int perWeek) {
        return PlannedActivity.Input.of("DEMO", perWeek, "WEEK", List.of(REP.value()), 10, new BigDecimal("2"));
    }

    static PlannedActivity.Input webinars(int perMonth) {
        return PlannedActivity.Input.of("webinar", perMonth, "MONTH", List.of(MARKETER.value()), null, null);
    }

    @Test
    void aGoalIsSetWithItsOutcomeActivitiesAndPeriodInTheTeamsZone() {
        var goal = Goal.set(fortyCustomers(), BERLIN, TEAM, false, SET_AT, BY);
        assertThat(goal.version()).isEqualTo(1);
        assertThat(goal.period().startsOn()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(goal.period().endsOn()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(goal.period().end()).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
        assertThat(goal.plan().activities()).extracting(a -> a.kind()).containsExactly(ActivityKind.DEMO, ActivityKind.WEBINAR);
        assertThat(goal.plan().activities().get(0).assumption().rate()).isEqualTo(0.2);
        assertThat(goal.events()).singleElement().isInstanceOf(GoalSet.class);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertField(() -> Goal.set(new NewGoal(UUID.randomUUID(), "x", new Period.Input("2026-Q2", null, null, null),
                null, new Outcome.Input("NEW_CUSTOMERS", BigDecimal.ZERO, null), null, null, List.of(demos(1))), BERLIN,
                TEAM, false, SET_AT, BY), "outcome.target");
        assertField(() -> Goal.set(fortyCustomers(demos(0)), BERLIN, TEAM, false, SET_AT, BY), "activities[0].target");
        assertField(() -> Goal.set(new NewGoal(UUID.randomUUID(), "x", new Period.Input(null, null,
                LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 30)), null, new Outcome.Input("SQLS", BigDecimal.TEN, null),
                null, null, List.of(demos(1))), BERLIN, TEAM, false, SET_AT, BY), "period.endsOn");
        assertField(() -> Goal.set(fortyCustomers(PlannedActivity.Input.of("DEMO", 3, "WEEK",
                List.of(OUTSIDER.value()), null, null)), BERLIN, TEAM, false, SET_AT, BY), "activities[0].ownerIds");
        assertField(() -> Goal.set(fortyCustomers(PlannedActivity.Input.of("COLD_FAX", 3, "WEEK",
                List.of(REP.value()), null, null)), BERLIN, TEAM, false, SET_AT, BY), "activities[0].type");
        assertField(() -> Goal.set(new NewGoal(UUID.randomUUID(), "x", new Period.Input("2026-Q2", null, null, null),
                null, new Outcome.Input("WON_AMOUNT", BigDecimal.TEN, null), null, null, List.of(demos(1))), BERLIN,
                TEAM, false, SET_AT, BY), "outcome.currency");
    }

    @Test
    void anAdjustmentMakesTheNextVersionAndSaysWhatChanged() {
        var goal = Goal.set(fortyCustomers(), BERLIN, TEAM, false, SET_AT, BY);
        UUID demos = goal.plan().activities().get(0).id();
        UUID webinars = goal.plan().activities().get(1).id();
        Instant later = Instant.parse("2026-05-04T07:00:00Z");
        var change = new Change(1, "Fewer demo slots after the trade fair", new BigDecimal("36"), List.of(
                new PlannedActivity.Input(demos, null, 8, null, List.of(REP.value(), MARKETER.value()), null, null),
                new PlannedActivity.Input(webinars, null, null, null, null, null, true),
                PlannedActivity.Input.of("CALL", 30, "WEEK", List.of(REP.value()), null, null)));
        var revised = goal.revise(change, TEAM, later, BY);
        assertThat(revised.version()).isEqualTo(2);
        assertThat(revised.plan().outcome().target()).isEqualByComparingTo("36");
        assertThat(revised.plan().activity(webinars).orElseThrow().droppedOn()).isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(revised.plan().active()).extracting(a -> a.kind()).containsExactly(ActivityKind.DEMO, ActivityKind.CALL);
        assertThat(revised.plan().activities().get(2).since()).isEqualTo(LocalDate.of(2026, 5, 4));
        assertThat(Revision.changes(goal.plan(), revised.plan())).containsExactly("Outcome target 40 → 36",
                "Demos: target 10 a week → 8 a week", "Demos: owners changed (1 → 2)", "Webinars dropped",
                "Calls added: 30 a week");
        assertThat(revised.events()).singleElement().isInstanceOfSatisfying(GoalRevised.class,
                e -> assertThat(e.reason()).isEqualTo("Fewer demo slots after the trade fair"));
    }

    @Test
    void anAdjustmentNeedsAReasonAChangeAndTheCurrentVersion() {
        var goal = Goal.set(fortyCustomers(), BERLIN, TEAM, false, SET_AT, BY);
        assertField(() -> goal.revise(new Change(1, " ", new BigDecimal("30"), null), TEAM, SET_AT, BY), "reason");
        assertField(() -> goal.revise(new Change(1, "same", new BigDecimal("40"), null), TEAM, SET_AT, BY),
                "activities");
        assertThatThrownBy(() -> goal.revise(new Change(3, "stale", new BigDecimal("30"), null), TEAM, SET_AT, BY))
                .isInstanceOf(StaleVersionException.class);
        UUID webinars = goal.plan().activities().get(1).id();
        var dropped = goal.revise(new Change(1, "no budget", null,
                List.of(new PlannedActivity.Input(webinars, null, null, null, null, null, true))), TEAM, SET_AT, BY);
        assertField(() -> dropped.revise(new Change(2, "back", null,
                List.of(new PlannedActivity.Input(webinars, null, 2, null, null, null, null))), TEAM, SET_AT, BY),
                "activities[0].id");
    }

    @Test
    void endorsedByBothHeadsOrTheSponsorUntilAChangeAndAgainAfterANewEndorsement() {
        Instant at = SET_AT;
        var salesOnly = List.of(new Endorsement(1, REP, Endorsement.As.HEAD_OF_SALES, at));
        assertThat(Endorsements.of(1, salesOnly).label()).isEqualTo("Not endorsed yet");
        assertThat(Endorsements.of(1, salesOnly).waitingFor()).isEqualTo("the head of marketing (or the sponsor)");
        var both = List.of(salesOnly.get(0), new Endorsement(1, MARKETER, Endorsement.As.HEAD_OF_MARKETING, at));
        assertThat(Endorsements.of(1, both).label()).isEqualTo("Endorsed v1");
        assertThat(Endorsements.of(2, both).label()).isEqualTo("Endorsed v1, changed since");
        var sponsorOfV2 = List.of(both.get(0), both.get(1), new Endorsement(2, OUTSIDER, Endorsement.As.SPONSOR, at));
        assertThat(Endorsements.of(2, sponsorOfV2).label()).isEqualTo("Endorsed v2");
        assertThat(Endorsements.of(2, sponsorOfV2).current()).isTrue();
    }

    static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidFieldException.class,
                ex -> assertThat(ex.field()).as(ex.getMessage()).isEqualTo(field));
    }
}
