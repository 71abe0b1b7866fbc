package org.smartketing.goals.plan;

import java.util.UUID;

import org.smartketing.goals.GoalId;
import org.smartketing.meetings.LinkTargets;
import org.springframework.stereotype.Component;

/** Action items of a meeting may be about a goal: meetings checks the link through this. */
@Component
class GoalLinkTargets implements LinkTargets {

    private final GoalStore goals;

    GoalLinkTargets(GoalStore goals) {
        this.goals = goals;
    }

    @Override
    public String kind() {
        return "goal";
    }

    @Override
    public String label() {
        return "Goal";
    }

    @Override
    public boolean exists(UUID id) {
        return goals.byId(new GoalId(id)).isPresent();
    }
}
