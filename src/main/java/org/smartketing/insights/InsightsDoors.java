package org.smartketing.insights;

import java.util.List;

import org.smartketing.team.DoorRule;
import org.smartketing.team.DoorRule.Who;
import org.smartketing.team.DoorRules;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Who comes in through insights' tiles: managers and admins. The tiles hold people's own figures
 * (each owner's speed to lead, each person's responsiveness and follow-through), which are a
 * manager's to read; members see their own on the parts' pages.
 */
@Component
class InsightsDoors implements DoorRules {

    static final String[] TILES = java.util.Arrays.stream(TileKey.values()).map(k -> "/api/v1/insights/" + k.path())
            .toArray(String[]::new);

    @Override
    public List<DoorRule> rules() {
        return List.of(DoorRule.api(HttpMethod.GET, Who.MANAGERS, TILES));
    }
}
