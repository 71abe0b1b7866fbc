package org.smartketing.webhooks.delivery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.smartketing.comms.MessageAcknowledged;
import org.smartketing.funnel.LeadAssigned;
import org.smartketing.funnel.LeadConsentWithdrawn;
import org.smartketing.funnel.LeadErased;
import org.smartketing.funnel.LeadStageChanged;
import org.smartketing.funnel.SlaBreached;
import org.smartketing.imports.ImportFinished;
import org.smartketing.meetings.ActionItemCompleted;
import org.smartketing.shared.events.Reactions;
import org.smartketing.team.Actor;
import org.smartketing.webhooks.WebhookEventType;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The other parts' events, after their commit, as webhook deliveries: once per event (however
 * often it is delivered to this listener) and subscribed endpoint. Each {@code data} holds ids and
 * what the event tells, no names or addresses of people: a receiver reads those through the API.
 */
@Component
class WebhookFeed {

    private final Reactions reactions;
    private final Enqueueing enqueueing;

    WebhookFeed(Reactions reactions, Enqueueing enqueueing) {
        this.reactions = reactions;
        this.enqueueing = enqueueing;
    }

    @ApplicationModuleListener
    void on(LeadStageChanged e) {
        if (e.from() == null) {
            feed(WebhookEventType.LEAD_CREATED, e.eventId(), e.occurredAt(),
                    data("leadId", e.leadId(), "stage", e.to(), "actor", actor(e.actor())));
        }
        else {
            feed(WebhookEventType.LEAD_STAGE_CHANGED, e.eventId(), e.occurredAt(), data("leadId", e.leadId(), "from",
                    e.from(), "to", e.to(), "reason", e.reason(), "actor", actor(e.actor())));
        }
    }

    @ApplicationModuleListener
    void on(LeadAssigned e) {
        feed(WebhookEventType.LEAD_ASSIGNED, e.eventId(), e.occurredAt(), data("leadId", e.leadId(), "ownerId",
                e.ownerId(), "previousOwnerId", e.previousOwnerId(), "actor", actor(e.actor())));
    }

    @ApplicationModuleListener
    void on(SlaBreached e) {
        feed(WebhookEventType.SLA_BREACHED, e.eventId(), e.occurredAt(), data("leadId", e.leadId(), "ownerId",
                e.ownerId(), "clock", e.clock(), "due", e.due()));
    }

    @ApplicationModuleListener
    void on(MessageAcknowledged e) {
        feed(WebhookEventType.MESSAGE_ACKNOWLEDGED, e.eventId(), e.occurredAt(), data("messageId", e.messageId(),
                "recipientId", e.recipient(), "actor", actor(e.actor())));
    }

    @ApplicationModuleListener
    void on(ActionItemCompleted e) {
        feed(WebhookEventType.ACTION_ITEM_COMPLETED, e.eventId(), e.occurredAt(), data("actionItemId", e.itemId(),
                "ownerId", e.owner(), "text", e.text(), "promisedBy", e.promisedBy(), "doneOn", e.doneOn(), "onTime",
                e.onTime(), "actor", actor(e.actor())));
    }

    /** The file's name is left out: people name files after whom they hold ("leads-from-ada.csv"). */
    @ApplicationModuleListener
    void on(ImportFinished e) {
        feed(WebhookEventType.IMPORT_FINISHED, e.eventId(), e.occurredAt(), data("importId", e.importId(), "kind",
                e.kind(), "state", e.state(), "rows", e.rows(), "created", e.created(), "updated", e.updated(), "merged",
                e.merged(), "skipped", e.skipped(), "failed", e.failed(), "importedBy",
                e.importedBy() == null ? null : e.importedBy().value(), "actor", actor(e.actor())));
    }

    @ApplicationModuleListener
    void on(LeadErased e) {
        feed(WebhookEventType.LEAD_ERASED, e.eventId(), e.occurredAt(), data("leadId", e.leadId(), "actor",
                actor(e.actor())));
    }

    @ApplicationModuleListener
    void on(LeadConsentWithdrawn e) {
        feed(WebhookEventType.LEAD_CONSENT_WITHDRAWN, e.eventId(), e.occurredAt(), data("leadId", e.leadId(), "actor",
                actor(e.actor())));
    }

    private void feed(WebhookEventType type, UUID eventId, Instant occurredAt, Map<String, Object> data) {
        if (enqueueing.anyEndpointFor(type)) {
            reactions.once("webhooks." + type.code(), eventId, () -> enqueueing.enqueue(type, eventId, occurredAt, data));
        }
    }

    /** The fields in order; one without a value is left out. */
    private static Map<String, Object> data(Object... namesAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                data.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return data;
    }

    /** {@code {"personId": …}} or {@code {"system": "intake:api"}}. */
    private static Map<String, Object> actor(Actor actor) {
        return actor == null ? null : actor.isPerson() ? Map.of("personId", actor.personId()) : Map.of("system", actor.system());
    }
}
