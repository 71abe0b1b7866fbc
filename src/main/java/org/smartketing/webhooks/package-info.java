/**
 * Outgoing webhooks: admins register endpoints for event types; each event of the other parts,
 * after its commit, becomes one signed delivery per subscribed endpoint (Standard Webhooks:
 * {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}), a persistent job
 * retried with backoff until the receiver answers 2xx or three days have passed.
 *
 * <p>The event types receivers can subscribe to are {@link org.smartketing.webhooks.WebhookEventType};
 * everything in the sub-packages is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outgoing webhooks")
@org.smartketing.shared.OwnsTables({ "webhook_endpoint", "webhook_delivery", "webhook_attempt" })
package org.smartketing.webhooks;
