package org.smartketing.webhooks.delivery;

import java.util.ArrayList;
import java.util.List;

import org.smartketing.shared.DataSubject;
import org.smartketing.shared.PersonalData;
import org.smartketing.shared.PersonalRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Outgoing webhooks' part of a lead's personal data: the stored deliveries whose payload is about
 * the lead. Payloads carry ids and what the event told (a stage change's reason in the mover's
 * words may name the person), never contact details; an erase keeps the deliveries and their log
 * and replaces the person's values in payloads and in what receivers answered.
 */
@Component
class DeliveryPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    DeliveryPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "webhookDeliveries";
    }

    @Override
    public Object export(DataSubject subject) {
        List<Object> args = new ArrayList<>();
        return PersonalRows.rows(jdbc, "SELECT id, endpoint_id, event_type, state, created_at, delivered_at, payload"
                + " FROM webhook_delivery WHERE " + aboutTheLead(subject, args) + " ORDER BY created_at, id", args);
    }

    @Override
    public void erase(DataSubject subject) {
        List<Object> args = new ArrayList<>();
        PersonalRows.scrub(jdbc, subject, "webhook_delivery", List.of("id"), List.of("payload", "last_error"),
                aboutTheLead(subject, args), args);
        PersonalRows.scrubMentions(jdbc, subject, "webhook_delivery", List.of("id"), List.of("payload", "last_error"));
        PersonalRows.scrubMentions(jdbc, subject, "webhook_attempt", List.of("delivery_id", "attempt"),
                List.of("response_body", "error"));
    }

    private static String aboutTheLead(DataSubject subject, List<Object> args) {
        List<String> ors = new ArrayList<>();
        for (String id : subject.leadIdTexts()) {
            ors.add("payload LIKE ?");
            args.add("%\"" + id + "\"%");
        }
        return "(" + String.join(" OR ", ors) + ")";
    }
}
