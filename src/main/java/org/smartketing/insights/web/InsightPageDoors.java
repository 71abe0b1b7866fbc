package org.smartketing.insights.web;

import java.util.List;

import org.smartketing.team.DoorRule;
import org.smartketing.team.DoorRule.Who;
import org.smartketing.team.DoorRules;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Who comes in through the dashboard's pages and the score's API: managers and admins look (the
 * figures are the whole company's, by team, source and campaign); only admins change the score's
 * weights. More specific rules first: the first that matches decides.
 */
@Component
class InsightPageDoors implements DoorRules {

    @Override
    public List<DoorRule> rules() {
        return List.of(
                DoorRule.api(HttpMethod.PUT, Who.ADMINS, "/api/v1/insights/score/weights"),
                DoorRule.api(HttpMethod.GET, Who.MANAGERS, "/api/v1/insights/score", "/api/v1/insights/score/**"),
                DoorRule.pages(Who.ADMINS, "/insights/score/weights"),
                DoorRule.pages(Who.MANAGERS, "/insights", "/insights/**"));
    }
}
