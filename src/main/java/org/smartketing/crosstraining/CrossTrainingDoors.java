package org.smartketing.crosstraining;

import java.util.List;

import org.smartketing.team.DoorRule;
import org.smartketing.team.DoorRule.Who;
import org.smartketing.team.DoorRules;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Who comes in through cross-training's URLs beyond the house rules. Everyone signed in offers,
 * asks, books and reflects; the default budget is an admin's, a person's own budget their
 * manager's (which manager, the budget checks itself: 403 for another's report). Who may move or
 * cancel a session (its host) and reflect on it (who was in it) the session decides.
 */
@Component
class CrossTrainingDoors implements DoorRules {

    @Override
    public List<DoorRule> rules() {
        return List.of(
                DoorRule.api(HttpMethod.PUT, Who.ADMINS, "/api/v1/cross-training/budgets/default"),
                DoorRule.api(HttpMethod.PUT, Who.MANAGERS, "/api/v1/cross-training/budgets/*"),
                DoorRule.pages(Who.ADMINS, "/cross-training/budgets/default"),
                DoorRule.pages(Who.MANAGERS, "/cross-training/budgets/*"));
    }
}
