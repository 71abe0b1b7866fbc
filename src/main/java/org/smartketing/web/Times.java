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

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");

    public String show(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(viewerZone())) + " " + zoneLabel();
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
