package org.smartketing.team.signin;

import java.util.List;

import org.smartketing.team.DoorRule;
import org.smartketing.team.DoorRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** The parts' {@link DoorRules}, put into the API's and the pages' filter chains. */
final class PartDoors {

    private final List<DoorRule> rules;

    PartDoors(List<DoorRules> parts) {
        this.rules = parts.stream().flatMap(p -> p.rules().stream()).toList();
    }

    /** A role and the token scope the method needs: {@code read} for GET and HEAD, {@code write} for the rest. */
    static AuthorizationManager<RequestAuthorizationContext> roleAndScope(String... roles) {
        AuthorizationManager<RequestAuthorizationContext> read = AuthorizationManagers.allOf(
                AuthorityAuthorizationManager.hasAnyAuthority(roles), AuthorityAuthorizationManager.hasAuthority("SCOPE_read"));
        AuthorizationManager<RequestAuthorizationContext> write = AuthorizationManagers.allOf(
                AuthorityAuthorizationManager.hasAnyAuthority(roles), AuthorityAuthorizationManager.hasAuthority("SCOPE_write"));
        return (authentication, context) -> {
            String method = context.getRequest().getMethod();
            boolean reads = HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method);
            return (reads ? read : write).authorize(authentication, context);
        };
    }

    void api(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry) {
        rules.stream().filter(DoorRule::api).forEach(rule -> {
            var matched = registry.requestMatchers(rule.method(), rule.patterns().toArray(String[]::new));
            switch (rule.who()) {
                case EVERYONE, EVERYONE_FROM_ANY_SITE -> matched.permitAll();
                case MANAGERS -> matched.access(roleAndScope("ROLE_MANAGER", "ROLE_ADMIN"));
                case ADMINS -> matched.access(roleAndScope("ROLE_ADMIN"));
            }
        });
    }

    void pages(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry registry) {
        rules.stream().filter(rule -> !rule.api()).forEach(rule -> {
            var matched = registry.requestMatchers(rule.method(), rule.patterns().toArray(String[]::new));
            switch (rule.who()) {
                case EVERYONE, EVERYONE_FROM_ANY_SITE -> matched.permitAll();
                case MANAGERS -> matched.hasRole("MANAGER");
                case ADMINS -> matched.hasRole("ADMIN");
            }
        });
    }

    /** Page URLs that take posts from other sites, which cannot carry our CSRF token. */
    String[] withoutCsrf() {
        return rules.stream().filter(rule -> !rule.api() && rule.who() == DoorRule.Who.EVERYONE_FROM_ANY_SITE)
                .flatMap(rule -> rule.patterns().stream()).toArray(String[]::new);
    }
}
