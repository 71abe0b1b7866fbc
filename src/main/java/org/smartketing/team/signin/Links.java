package org.smartketing.team.signin;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute links for emails. A configured {@code smartketing.base-url} wins, so a forged Host
 * header cannot point a password-reset link elsewhere; without it, the request's own address.
 */
@Component
public class Links {

    private final TeamSettings settings;

    Links(TeamSettings settings) {
        this.settings = settings;
    }

    public String absolute(String path) {
        String base = settings.baseUrl();
        if (base == null || base.isBlank()) {
            base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        }
        return base.replaceAll("/+$", "") + path;
    }
}
