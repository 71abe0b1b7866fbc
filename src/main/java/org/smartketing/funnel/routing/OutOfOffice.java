package org.smartketing.funnel.routing;

import java.time.Instant;
import java.util.UUID;

/** A period in which a rep takes no new leads: from (inclusive) to (exclusive). */
public record OutOfOffice(UUID id, UUID personId, Instant from, Instant to, String note) {

    public boolean covers(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
