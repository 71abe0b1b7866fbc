package org.smartketing.team.signin;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Absolute links for emails. They use the configured {@code smartketing.base-url}; never the
 * request's Host header, which a client can forge to point a password-reset link at its own
 * server. Without a base URL the links point at this machine (localhost and the port the request
 * came in on), which is right for a trial on one's own computer.
 */
@Component
public class Links {

    private static final Logger log = LoggerFactory.getLogger(Links.class);

    private final TeamSettings settings;

    Links(TeamSettings settings) {
        this.settings = settings;
    }

    public String absolute(String path) {
        String base = settings.baseUrl();
        if (base == null || base.isBlank()) {
            base = "http://localhost:" + localPort();
        }
        return base.replaceAll("/+$", "") + path;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWithoutBaseUrl() {
        if (settings.baseUrl() == null || settings.baseUrl().isBlank()) {
            log.warn("SMARTKETING_BASE_URL is not set: links in emails point at http://localhost. Set it to the "
                    + "address people use, e.g. https://smartketing.example.com");
        }
    }

    private static int localPort() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getLocalPort();
        }
        return 8080;
    }
}
