package org.smartketing.funnel;

import java.util.List;

import org.smartketing.team.DoorRule;
import org.smartketing.team.DoorRule.Who;
import org.smartketing.team.DoorRules;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** Who comes in through the funnel's URLs beyond the house rules (its admin pages are under {@code /admin/}). */
@Component
class FunnelDoors implements DoorRules {

    @Override
    public List<DoorRule> rules() {
        return List.of(
                // Website forms on other sites post leads here; they cannot carry our CSRF token.
                DoorRule.pages(Who.EVERYONE_FROM_ANY_SITE, "/w2l"),
                // Scoring, routing and the agreement are replaced as a whole, by an admin.
                DoorRule.api(HttpMethod.PUT, Who.ADMINS, "/api/v1/scoring", "/api/v1/routing/rules", "/api/v1/sla"),
                DoorRule.api(HttpMethod.POST, Who.MANAGERS, "/api/v1/leads/*/route"),
                // Website forms and custom fields are set up by admins (everyone reads the custom fields).
                DoorRule.api(HttpMethod.GET, Who.ADMINS, "/api/v1/web-forms", "/api/v1/web-forms/*"),
                DoorRule.api(HttpMethod.POST, Who.ADMINS, "/api/v1/web-forms", "/api/v1/custom-fields"),
                DoorRule.api(HttpMethod.PATCH, Who.ADMINS, "/api/v1/web-forms/*", "/api/v1/custom-fields/*"),
                DoorRule.api(HttpMethod.DELETE, Who.ADMINS, "/api/v1/web-forms/*", "/api/v1/custom-fields/*"),
                // Signing is for managers; which department they sign for is checked after.
                DoorRule.api(HttpMethod.POST, Who.MANAGERS, "/api/v1/sla/signatures"),
                // A person's data, its erase and the suppression list are admins' alone.
                DoorRule.api(HttpMethod.GET, Who.ADMINS, "/api/v1/leads/*/personal-data", "/api/v1/suppression-list",
                        "/api/v1/suppression-list/**"),
                DoorRule.api(HttpMethod.DELETE, Who.ADMINS, "/api/v1/leads/*/personal-data", "/api/v1/suppression-list/*"),
                DoorRule.api(HttpMethod.POST, Who.ADMINS, "/api/v1/suppression-list"),
                DoorRule.api(HttpMethod.PUT, Who.ADMINS, "/api/v1/suppression-list/settings"));
    }
}
