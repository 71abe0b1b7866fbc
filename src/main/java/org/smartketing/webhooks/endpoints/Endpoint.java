package org.smartketing.webhooks.endpoints;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.smartketing.webhooks.WebhookEventType;

/**
 * A receiver admins registered: where deliveries go, for which event types, and the secret that
 * signs them (with the one before the last rotation, until its overlap ends).
 *
 * @param failuresInARow failed attempts since the last one the receiver took
 * @param failingSince   the first of those, or null
 */
public record Endpoint(UUID id, String url, String description, List<WebhookEventType> events, String secret,
        String previousSecret, Instant previousSecretUntil, boolean enabled, String disabledReason,
        int failuresInARow, Instant failingSince, Instant createdAt, Instant updatedAt) {

    public Endpoint {
        events = List.copyOf(events);
    }

    /** The secrets that sign a delivery sent now: the current one, and the previous one during its overlap. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    /** Until when the previous secret still signs, or null when only the current one does. */
    public Instant previousSecretValidUntil(Instant now) {
        return signingSecrets(now).size() > 1 ? previousSecretUntil : null;
    }

    public boolean subscribesTo(WebhookEventType type) {
        return events.contains(type);
    }

    /** The receiver's host, what people recognise an endpoint by. */
    public String host() {
        try {
            String host = URI.create(url).getHost();
            return host == null ? url : host;
        }
        catch (IllegalArgumentException ex) {
            return url;
        }
    }

    /** The secret's last characters, so admins can tell which one a receiver holds. */
    public String secretHint() {
        return "…" + secret.substring(Math.max(0, secret.length() - 4));
    }
}
