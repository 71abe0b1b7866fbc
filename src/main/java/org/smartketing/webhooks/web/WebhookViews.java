package org.smartketing.webhooks.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.smartketing.webhooks.WebhookEventType;
import org.smartketing.webhooks.delivery.Delivery;
import org.smartketing.webhooks.delivery.DeliveryLog;
import org.smartketing.webhooks.endpoints.Endpoint;

/** What the API answers about endpoints and deliveries: never a secret, except once when it is made. */
final class WebhookViews {

    private WebhookViews() {
    }

    /**
     * @param secretHint               the current secret's last characters
     * @param previousSecretValidUntil while the secret before a rotation still signs beside the current one
     */
    record EndpointView(UUID id, String url, String description, List<String> events, boolean enabled,
            String disabledReason, int failuresInARow, String secretHint, Instant previousSecretValidUntil,
            Instant createdAt, Instant updatedAt) {

        static EndpointView of(Endpoint e, Instant now) {
            return new EndpointView(e.id(), e.url(), e.description(),
                    e.events().stream().map(WebhookEventType::code).toList(), e.enabled(), e.disabledReason(),
                    e.failuresInARow(), e.secretHint(), e.previousSecretValidUntil(now), e.createdAt(), e.updatedAt());
        }
    }

    /** A secret just made: the only time it is shown. */
    record IssuedSecret(UUID id, String secret, Instant previousSecretValidUntil) {
    }

    record AttemptView(int attempt, Instant at, long durationMs, Integer responseCode, String responseBody,
            String error) {

        static AttemptView of(Delivery.Attempt a) {
            return new AttemptView(a.number(), a.startedAt(), a.durationMs(), a.responseCode(), a.responseBody(),
                    a.error());
        }
    }

    /** @param webhookId the {@code webhook-id} header, the same on every attempt */
    record DeliveryView(UUID id, String webhookId, String eventType, UUID eventId, String state, int attempts,
            Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, Instant giveUpAt, String lastError,
            String payload, List<AttemptView> attemptLog) {

        static DeliveryView of(DeliveryLog.Logged logged) {
            Delivery d = logged.delivery();
            return new DeliveryView(d.id(), d.messageId(), d.eventType(), d.eventId(), d.state().name(), d.attempts(),
                    d.createdAt(), d.nextAttemptAt(), d.deliveredAt(), d.giveUpAt(), d.lastError(), d.payload(),
                    logged.attempts().stream().map(AttemptView::of).toList());
        }
    }
}
