package org.smartketing.web;

import java.time.ZoneId;

/** A signed-in principal that knows its time zone, so pages show times in the viewer's zone. */
public interface ZoneAware {

    ZoneId zone();
}
