package org.smartketing.goals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.goals.plan.Change;
import org.smartketing.goals.plan.Endorsements;
import org.smartketing.goals.plan.Goal;
import org.smartketing.goals.plan.GoalPlanning;
import org.smartketing.goals.plan.GoalStore;
import org.smartketing.goals.plan.PlannedActivity;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.shared.StaleVersionException;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.teams.Teams;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Goals are stored as set, every adjustment is a revision, and endorsement follows the versions. */
@IntegrationTest
class GoalPlanningTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    Teams teams;

    @Autowired
    GoalPlanning planning;

    @Autowired
    GoalStore store;

    GoalTeam team;

    @BeforeEach
    void team() {
        team = GoalTeam.of(fixtures, teams);
    }

    @Test
    void aGoalIsReadBackAsItWasSetWithItsFirstRevision() {
        Goal goal = planning.set(team.fortyCustomers(), team.as(team.rep()));
        Goal read = store.byId(goal.id()).orElseThrow();
        assertThat(read.plan()).isEqualTo(goal.plan());
        assertThat(read.period()).isEqualTo(goal.period());
        assertThat(read.version()).isEqualTo(1);
        assertThat(planning.revisions(goal.id())).singleElement()
                .satisfies(r -> assertThat(r.plan()).isEqualTo(goal.plan()));
    }

    @Test
    void anAdjustmentKeepsTheGoalAsFirstSetBesideTheGoalAsNow() {
        Goal goal = planning.set(team.fortyCustomers(), team.as(team.rep()));
        var demos = goal.plan().activities().get(0);
        Goal now = planning.revise(goal.id(), new Change(1, "Half the team is at the trade fair in May",
                new BigDecimal("36"), List.of(new PlannedActivity.Input(demos.id(), null, 8, null, null, null, null))),
                team.as(team.marketer()));
        var revisions = planning.revisions(goal.id());
        assertThat(revisions).extracting(r -> r.version()).containsExactly(1, 2);
        assertThat(revisions.get(0).plan()).isEqualTo(goal.plan());
        assertThat(revisions.get(1).plan()).isEqualTo(now.plan()).isEqualTo(store.byId(goal.id()).orElseThrow().plan());
        assertThat(revisions.get(1).reason()).isEqualTo("Half the team is at the trade fair in May");
        assertThat(revisions.get(1).by()).isEqualTo(team.marketer().id());
        assertThat(revisions.get(1).changes()).containsExactly("Outcome target 40 → 36", "Demos: target 10 a week → 8 a week");
    }

    @Test
    void theEndorsementIsInvalidatedByAChangeAndRestoredByANewEndorsement() {
        Goal goal = planning.set(team.fortyCustomers(), team.as(team.rep()));
        assertThat(planning.endorse(goal.id(), 1, team.as(team.headOfSales())).label()).isEqualTo("Not endorsed yet");
        assertThat(planning.endorse(goal.id(), 1, team.as(team.headOfMarketing())).label()).isEqualTo("Endorsed v1");
        planning.revise(goal.id(), new Change(1, "Webinars moved to the autumn", null, List.of(new PlannedActivity.Input(
                goal.plan().activities().get(1).id(), null, null, null, null, null, true))), team.as(team.rep()));
        Endorsements changed = planning.endorsements(planning.get(goal.id()));
        assertThat(changed.label()).isEqualTo("Endorsed v1, changed since");
        assertThatThrownBy(() -> planning.endorse(goal.id(), 1, team.as(team.headOfSales())))
                .isInstanceOf(StaleVersionException.class);
        planning.endorse(goal.id(), 2, team.as(team.headOfSales()));
        assertThat(planning.endorse(goal.id(), 2, team.as(team.headOfMarketing())).label()).isEqualTo("Endorsed v2");
    }

    @Test
    void onlyTheHeadsOrTheSponsorEndorseAndOnlyTheTeamChangesTheGoal() {
        Goal goal = planning.set(team.fortyCustomers(), team.as(team.rep()));
        assertThatThrownBy(() -> planning.endorse(goal.id(), 1, team.as(team.marketer())))
                .isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> planning.revise(goal.id(), new Change(1, "mine now", new BigDecimal("1"), null),
                team.as(team.outsider()))).isInstanceOf(RuleViolationException.class);
        assertThat(planning.get(goal.id()).version()).isEqualTo(1);
    }
}
