package org.smartketing.webhooks;

import java.util.List;
import java.util.stream.Stream;

import org.smartketing.team.DoorRule;
import org.smartketing.team.DoorRule.Who;
import org.smartketing.team.DoorRules;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Webhooks are admins' alone, by API too: an endpoint's URL and deliveries tell where the
 * company's data goes. (The pages are under {@code /admin/}, admins' by the house rules.)
 */
@Component
class WebhooksDoors implements DoorRules {

    @Override
    public List<DoorRule> rules() {
        return Stream.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PATCH, HttpMethod.DELETE)
                .map(method -> DoorRule.api(method, Who.ADMINS, "/api/v1/webhooks", "/api/v1/webhooks/**")).toList();
    }
}
