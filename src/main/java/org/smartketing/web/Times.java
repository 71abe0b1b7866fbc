package org.smartketing.web;

import java.time.Duration;
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
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", java.util.Locale.ENGLISH);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM, HH:mm", java.util.Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);

    public String show(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(viewerZone())) + " " + zoneLabel();
    }

    /** A calendar day as people write it: "8 Dec 2026". */
    public String day(java.time.LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** A length of time as people say it: "45 min", "2 h 5 min", "3 d 2 h"; under a minute "under a minute". */
    public static String span(Duration length) {
        long minutes = length.abs().toMinutes();
        if (minutes < 1) {
            return "under a minute";
        }
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        return hours > 0 ? hours + " h" + (mins > 0 ? " " + mins + " min" : "") : mins + " min";
    }

    /** A moment in the viewer's zone, the day left out when it is today there: "14:30", "2 Dec, 14:30". */
    public String when(Instant at, Instant now) {
        ZoneId zone = viewerZone();
        var local = at.atZone(zone);
        return local.toLocalDate().equals(now.atZone(zone).toLocalDate()) ? TIME.format(local) : DAY_TIME.format(local);
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
