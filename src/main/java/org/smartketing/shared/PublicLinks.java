package org.smartketing.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The one rule for absolute links, whoever shows or mails them (password resets, invitations,
 * calendar files and feeds): the configured {@code smartketing.base-url}; without it this machine,
 * {@code http://localhost} on the port the server really listens on (right for a trial on one's own
 * computer). Never the request's Host header, which a client can forge to point a reset link at its
 * own server.
 */
@Component
public class PublicLinks {

    private static final Logger log = LoggerFactory.getLogger(PublicLinks.class);

    private final String configured;
    private final Environment environment;

    PublicLinks(@Value("${smartketing.base-url:}") String configured, Environment environment) {
        this.configured = configured == null ? "" : configured.strip().replaceAll("/+$", "");
        this.environment = environment;
    }

    /** The address without a trailing slash, such as {@code https://smartketing.example.com}. */
    public String base() {
        return configured.isEmpty() ? "http://localhost:" + environment.getProperty("local.server.port", "8080") : configured;
    }

    /** {@code path} (starting with a slash) under {@link #base()}. */
    public String absolute(String path) {
        return base() + path;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnWithoutBaseUrl() {
        if (configured.isEmpty()) {
            log.warn("SMARTKETING_BASE_URL is not set: links in emails and calendars point at {}. Set it to the "
                    + "address people use, e.g. https://smartketing.example.com", base());
        }
    }
}
