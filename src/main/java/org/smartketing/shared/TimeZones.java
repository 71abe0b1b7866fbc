package org.smartketing.shared;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The time zones we take: UTC and the IANA region names ({@code Europe/Berlin}, {@code US/Pacific}).
 * Fixed offsets ({@code +02:00}, {@code UTC+01:00}), {@code Etc/*} and {@code SystemV/*} are refused:
 * they follow no daylight saving a person lives by, and calendar programs know no VTIMEZONE for
 * them. Every name for UTC itself ({@code Z}, {@code GMT}, {@code Etc/UTC}, {@code +00:00}) becomes
 * {@code UTC}.
 */
public final class TimeZones {

    /** What forms offer: UTC, then the region names, sorted. */
    public static final List<String> OFFERED = Stream.concat(Stream.of("UTC"), ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/")).sorted())
            .toList();

    private static final Set<String> TAKEN = Set.copyOf(OFFERED);
    public static final String REFUSED = "must be a time zone name such as Europe/Berlin";

    private TimeZones() {
    }

    /** The zone {@code text} names, or {@code null} when it is none we take. */
    public static ZoneId orNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String name = text.strip();
        if (TAKEN.contains(name)) {
            return ZoneId.of(name);
        }
        try {
            return ZoneId.of(name).normalized().equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : null;
        }
        catch (DateTimeException ex) {
            return null;
        }
    }

    /** The zone {@code text} names; anything else is a 400 on {@code field}. */
    public static ZoneId of(String field, String text) {
        ZoneId zone = orNull(text);
        if (zone == null) {
            throw new InvalidFieldException(field, REFUSED);
        }
        return zone;
    }
}
