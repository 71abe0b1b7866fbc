package org.smartketing.webhooks.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * One event for one endpoint, sent until the receiver answers 2xx or the delivery gives up.
 *
 * @param eventId  the event's own id, sent as {@code webhook-id}: the same on every attempt and
 *                 redelivery, so a receiver can tell a repeat
 * @param payload  the body, stored once, sent byte for byte on every attempt
 * @param attempts attempts made (or, while SENDING, the one under way)
 */
public record Delivery(UUID id, UUID endpointId, UUID eventId, String eventType, String payload, State state,
        int attempts, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, Instant giveUpAt,
        String lastError) {

    public enum State {
        PENDING("Waiting for its next attempt"), SENDING("Being sent"), DELIVERED("Delivered"),
        FAILED("Failed");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The {@code webhook-id} header. */
    public String messageId() {
        return "msg_" + eventId.toString().replace("-", "");
    }

    /** An attempt and what came of it. */
    public record Attempt(int number, Instant startedAt, long durationMs, Integer responseCode, String responseBody,
            String error) {

        public boolean taken() {
            return responseCode != null && responseCode / 100 == 2;
        }
    }
}
