package org.smartketing.shared.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code GET /actuator/events}: the reactions to events that have not completed (waiting, running
 * or failed), oldest first, with their tries and when a failed one is tried next. Empty when all is
 * well; anything older than a minute or two with several tries is a listener that keeps failing
 * (its log says why).
 */
@Component
@Endpoint(id = "events")
class EventPublicationsEndpoint {

    static final int SHOWN = 200;

    /** @param nextTryAt for a failed one: when it is tried again; null while it waits or runs */
    record Publication(UUID id, String event, String listener, String status, Instant publishedAt, int attempts,
            Instant lastTryAt, Instant nextTryAt) {
    }

    record Outstanding(long count, List<Publication> oldest) {
    }

    private final EventPublications publications;
    private final Resubmission resubmission;

    EventPublicationsEndpoint(EventPublications publications, Resubmission resubmission) {
        this.publications = publications;
        this.resubmission = resubmission;
    }

    @ReadOperation
    public Outstanding outstanding() {
        List<Publication> oldest = publications.outstanding(SHOWN).stream()
                .map(p -> new Publication(p.id(), p.event(), p.listener(), p.status(), p.publishedAt(), p.attempts(),
                        p.lastTryAt(), "FAILED".equals(p.status()) ? resubmission.nextTry(p.lastTryAt(), p.attempts())
                                : null))
                .toList();
        return new Outstanding(publications.countOutstanding(), oldest);
    }
}
