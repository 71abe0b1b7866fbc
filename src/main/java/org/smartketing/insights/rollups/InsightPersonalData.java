package org.smartketing.insights.rollups;

import java.util.List;

import org.smartketing.shared.DataSubject;
import org.smartketing.shared.PersonalData;
import org.smartketing.shared.PersonalRows;
import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Insights' part of a lead's personal data: its own copy of the lead's stage changes, assignments
 * and breaches (ids, stages, times, and a stage change's reason in the mover's words). An erase
 * keeps every row, so the tiles count the same, and replaces the person's values in the reasons.
 */
@Component
class InsightPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    InsightPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "insightsStageChanges";
    }

    @Override
    public Object export(DataSubject subject) {
        return PersonalRows.rows(jdbc, "SELECT from_stage, to_stage, reason, occurred_at FROM insight_stage_change"
                + " WHERE lead_id IN (" + Sql.marks(subject.leadIds().size()) + ") ORDER BY occurred_at", subject.leadIds());
    }

    @Override
    public void erase(DataSubject subject) {
        PersonalRows.scrub(jdbc, subject, "insight_stage_change", List.of("lead_id", "occurred_at", "to_stage"),
                List.of("reason"), "lead_id IN (" + Sql.marks(subject.leadIds().size()) + ")", List.copyOf(subject.leadIds()));
    }
}
