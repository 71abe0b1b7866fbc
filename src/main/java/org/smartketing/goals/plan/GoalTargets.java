package org.smartketing.goals.plan;

import java.util.Optional;

import org.smartketing.comms.Regarding;
import org.smartketing.comms.RegardingTargets;
import org.smartketing.goals.GoalId;
import org.smartketing.team.SignedInPerson;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Messages about a goal, named by its title and period. Lives here because goals depend on comms. */
@Component
@Transactional(readOnly = true)
class GoalTargets implements RegardingTargets {

    private final GoalStore goals;

    GoalTargets(GoalStore goals) {
        this.goals = goals;
    }

    @Override
    public String kind() {
        return "goal";
    }

    @Override
    public Optional<Regarding> find(String id, SignedInPerson viewer) {
        // every signed-in person sees every team's goals (the goals pages list them all)
        return RegardingTargets.uuidOf(id).map(GoalId::new).flatMap(goals::byId).map(GoalLinks::regarding);
    }
}
