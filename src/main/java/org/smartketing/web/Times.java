package org.smartketing.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Shows stored UTC instants in the viewer's own time zone; templates call it as
 * {@code ${@times.show(entry.occurredAt)}}.
 */
@Component("times")
public class Times {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", java.util.Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);

    public String show(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(viewerZone())) + " " + zoneLabel();
    }

    /** A calendar day as people write it: "8 Dec 2026". */
    public String day(java.time.LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public ZoneId viewerZone() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof ZoneAware viewer ? viewer.zone() : ZoneOffset.UTC;
    }

    /** The viewer's zone as people name it: "UTC" rather than the offset id "Z". */
    public String zoneLabel() {
        ZoneId zone = viewerZone();
        return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
    }
}
