package org.smartketing.insights.assessment;

import java.util.List;

import org.smartketing.team.DoorRule;
import org.smartketing.team.DoorRule.Who;
import org.smartketing.team.DoorRules;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Everyone answers and sees the results (they are anonymous and only for groups of five); only
 * admins open and close rounds (the pages under {@code /admin} are theirs by the house's rule).
 */
@Component
class AssessmentDoors implements DoorRules {

    @Override
    public List<DoorRule> rules() {
        return List.of(DoorRule.api(HttpMethod.POST, Who.ADMINS, "/api/v1/self-assessments/rounds",
                "/api/v1/self-assessments/rounds/*/close"));
    }
}
