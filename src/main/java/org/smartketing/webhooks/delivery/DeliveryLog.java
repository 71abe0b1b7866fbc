package org.smartketing.webhooks.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.team.AuditLog;
import org.smartketing.webhooks.endpoints.Endpoint;
import org.smartketing.webhooks.endpoints.Endpoints;
import org.smartketing.webhooks.endpoints.WebhookSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What admins see of an endpoint's deliveries, and sending a failed one again. */
@Service
@Transactional(readOnly = true)
public class DeliveryLog {

    public static final int MAX_SHOWN = 200;

    /** A delivery with its attempts, oldest first. */
    public record Logged(Delivery delivery, List<Delivery.Attempt> attempts) {
    }

    private final Deliveries deliveries;
    private final Endpoints endpoints;
    private final Delivering delivering;
    private final WebhookSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    DeliveryLog(Deliveries deliveries, Endpoints endpoints, Delivering delivering, WebhookSettings settings,
            AuditLog audit, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.delivering = delivering;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** The endpoint's newest deliveries, at most {@code limit} (up to {@value #MAX_SHOWN}). */
    public List<Logged> of(UUID endpoint, int limit) {
        endpoint(endpoint);
        List<Delivery> newest = deliveries.ofEndpoint(endpoint, Math.max(1, Math.min(limit, MAX_SHOWN)));
        Map<UUID, List<Delivery.Attempt>> attempts = deliveries.attemptsOf(newest.stream().map(Delivery::id).toList());
        return newest.stream().map(d -> new Logged(d, attempts.get(d.id()))).toList();
    }

    /**
     * Sends a failed delivery again, now, with the same {@code webhook-id} and body, and tries it
     * for another {@code retry-for}. One the receiver took (2xx) is never sent again, and one still
     * being tried has its next attempt coming.
     */
    @Transactional
    public Delivery redeliver(UUID endpointId, UUID deliveryId) {
        Endpoint endpoint = endpoint(endpointId);
        Delivery delivery = deliveries.byId(deliveryId).filter(d -> d.endpointId().equals(endpointId))
                .orElseThrow(() -> new NotFoundException("Delivery " + deliveryId));
        switch (delivery.state()) {
            case DELIVERED -> throw new RuleViolationException(
                    "This delivery was taken by the receiver (it answered 2xx); it is never sent again.");
            case PENDING, SENDING -> throw new RuleViolationException(
                    "This delivery is still being tried; its next attempt comes by itself.");
            case FAILED -> {
            }
        }
        if (!endpoint.enabled()) {
            throw new RuleViolationException("The endpoint is turned off; turn it on again first.");
        }
        Instant now = clock.instant();
        if (!deliveries.again(deliveryId, now, now.plus(settings.retryFor()))) {
            throw new RuleViolationException("This delivery changed a moment ago; reload and try again.");
        }
        delivering.schedule(deliveryId, delivery.attempts() + 1, now);
        audit.record("webhook", endpointId, "redelivered", null, Map.of("delivery", deliveryId.toString()));
        return deliveries.byId(deliveryId).orElseThrow();
    }

    private Endpoint endpoint(UUID id) {
        return endpoints.byId(id).orElseThrow(() -> new NotFoundException("Webhook endpoint " + id));
    }
}
