package org.smartketing.webhooks;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type an endpoint can subscribe to, with the version of its payload's {@code data}
 * (raised when a field changes meaning or goes; new fields keep the version). The one list: the
 * API, the page and the feed read it from here, so a new type is one line here and its listener
 * in {@code delivery.WebhookFeed}.
 */
public enum WebhookEventType {

    LEAD_CREATED("lead.created", 1, "A lead was created"),
    LEAD_STAGE_CHANGED("lead.stage_changed", 1, "A lead moved to another stage"),
    LEAD_ASSIGNED("lead.assigned", 1, "A lead got an owner"),
    SLA_BREACHED("sla.breached", 1, "A handoff clock ran out"),
    MESSAGE_ACKNOWLEDGED("message.acknowledged", 1, "A message was acknowledged"),
    ACTION_ITEM_COMPLETED("action_item.completed", 1, "An action item from a meeting was done"),
    IMPORT_FINISHED("import.finished", 1, "An import of a file ended"),
    LEAD_ERASED("lead.erased", 1, "A lead's personal data was erased on request"),
    LEAD_CONSENT_WITHDRAWN("lead.consent_withdrawn", 1, "A lead withdrew their consent to marketing");

    private final String code;
    private final int version;
    private final String label;

    WebhookEventType(String code, int version, String label) {
        this.code = code;
        this.version = version;
        this.label = label;
    }

    /** What receivers see in {@code type}, e.g. {@code lead.created}. */
    public String code() {
        return code;
    }

    public int version() {
        return version;
    }

    /** What people read on the page. */
    public String label() {
        return label;
    }

    public static Optional<WebhookEventType> byCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
