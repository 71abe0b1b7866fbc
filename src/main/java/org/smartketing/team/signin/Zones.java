package org.smartketing.team.signin;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

/** Time zone names offered in forms: UTC, then the IANA regions, sorted. */
public final class Zones {

    public static final List<String> ALL = Stream.concat(Stream.of("UTC"), ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/")).sorted())
            .toList();

    private Zones() {
    }
}
