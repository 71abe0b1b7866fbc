package org.smartketing.webhooks.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.smartketing.webhooks.WebhookEventType;
import org.smartketing.webhooks.endpoints.Endpoint;
import org.smartketing.webhooks.endpoints.Endpoints;
import org.smartketing.webhooks.endpoints.WebhookSettings;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an event into one delivery per enabled endpoint that subscribed to its type, each with
 * its first attempt due now, in the caller's transaction. The body, versioned, is
 * {@code {"type", "version", "timestamp", "data"}}.
 */
@Component
class Enqueueing {

    private final Endpoints endpoints;
    private final Deliveries deliveries;
    private final Delivering delivering;
    private final WebhookSettings settings;
    private final JsonMapper json;
    private final Clock clock;

    Enqueueing(Endpoints endpoints, Deliveries deliveries, Delivering delivering, WebhookSettings settings,
            JsonMapper json, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.delivering = delivering;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    boolean anyEndpointFor(WebhookEventType type) {
        return !endpoints.subscribedTo(type).isEmpty();
    }

    void enqueue(WebhookEventType type, UUID eventId, Instant occurredAt, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.code());
        body.put("version", type.version());
        body.put("timestamp", occurredAt.truncatedTo(ChronoUnit.MILLIS).toString());
        body.put("data", data);
        String payload = json.writeValueAsString(body);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (Endpoint endpoint : endpoints.subscribedTo(type)) {
            Delivery delivery = new Delivery(UUID.randomUUID(), endpoint.id(), eventId, type.code(), payload,
                    Delivery.State.PENDING, 0, now, now, null, now.plus(settings.retryFor()), null);
            if (deliveries.insert(delivery)) {
                delivering.schedule(delivery.id(), 1, now);
            }
        }
    }
}
