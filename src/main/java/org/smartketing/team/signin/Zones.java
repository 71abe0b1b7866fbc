package org.smartketing.team.signin;

import java.util.List;

import org.smartketing.shared.TimeZones;

/** Time zone names offered in forms: UTC, then the IANA regions, sorted. */
public final class Zones {

    public static final List<String> ALL = TimeZones.OFFERED;

    private Zones() {
    }
}
