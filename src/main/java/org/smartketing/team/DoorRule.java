package org.smartketing.team;

import java.util.List;

import org.springframework.http.HttpMethod;

/**
 * Who may come in through some of a part's URLs, beyond the house rules (signed in for pages; a
 * token with {@code read} scope for API reads, {@code write} for the rest). Declared by the part
 * that serves the URLs, in its {@link DoorRules}. Patterns are Spring path patterns
 * ({@code /ack/*}, {@code /admin/scoring/**}).
 *
 * @param api whether the rule is for the JSON API's door ({@code /api/**}) or the pages'
 * @param method the HTTP method, or null for any
 */
public record DoorRule(boolean api, HttpMethod method, List<String> patterns, Who who) {

    public enum Who {
        /** Nobody needs to sign in: the URL carries its own key (a signed link, a secret feed address). */
        EVERYONE,
        /** No sign-in, and posts from other sites are taken without our CSRF token (website forms). */
        EVERYONE_FROM_ANY_SITE,
        /** Managers and admins; through the API with a token of theirs whose scope fits the method. */
        MANAGERS,
        /** Admins only; through the API with an admin's token whose scope fits the method. */
        ADMINS
    }

    public DoorRule {
        patterns = List.copyOf(patterns);
        if (api && who == Who.EVERYONE_FROM_ANY_SITE) {
            throw new IllegalArgumentException("the API takes no cookies, so it has no CSRF token to waive");
        }
    }

    /** A rule for API calls with this method (refused before the body is read). */
    public static DoorRule api(HttpMethod method, Who who, String... patterns) {
        return new DoorRule(true, method, List.of(patterns), who);
    }

    /** A rule for pages, whatever the method. */
    public static DoorRule pages(Who who, String... patterns) {
        return new DoorRule(false, null, List.of(patterns), who);
    }
}
