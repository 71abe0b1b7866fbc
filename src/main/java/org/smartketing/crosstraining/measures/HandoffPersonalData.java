package org.smartketing.crosstraining.measures;

import java.util.List;

import org.smartketing.shared.DataSubject;
import org.smartketing.shared.PersonalData;
import org.smartketing.shared.PersonalRows;
import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cross-training's part of a lead's personal data: its handoff facts (handed over, rejected with a
 * reason, assigned, answered, breached), which carry the lead's id and a rejection's reason in the
 * rep's words. An erase keeps the facts (the effect of cross-training is measured on them) and
 * replaces the person's values in the reasons.
 */
@Component
class HandoffPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    HandoffPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "handoffFacts";
    }

    @Override
    public Object export(DataSubject subject) {
        return PersonalRows.rows(jdbc, "SELECT kind, person_id, reason, occurred_at FROM crosstraining_handoff_fact"
                + " WHERE lead_id IN (" + Sql.marks(subject.leadIds().size()) + ") ORDER BY occurred_at", subject.leadIds());
    }

    @Override
    public void erase(DataSubject subject) {
        PersonalRows.scrub(jdbc, subject, "crosstraining_handoff_fact", List.of("event_id"), List.of("reason"),
                "lead_id IN (" + Sql.marks(subject.leadIds().size()) + ")", List.copyOf(subject.leadIds()));
    }
}
