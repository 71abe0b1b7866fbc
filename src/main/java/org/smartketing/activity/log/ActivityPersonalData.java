package org.smartketing.activity.log;

import java.util.ArrayList;
import java.util.List;

import org.smartketing.shared.DataSubject;
import org.smartketing.shared.PersonalData;
import org.smartketing.shared.PersonalRows;
import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The activity log's part of a lead's personal data: the activities logged about the lead, whose
 * outcome is free text. An erase keeps each activity (goals and insights count them) without its
 * outcome, and replaces the person's values in the outcomes of other activities that mention them.
 */
@Component
class ActivityPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    ActivityPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "activities";
    }

    @Override
    public Object export(DataSubject subject) {
        return PersonalRows.rows(jdbc, "SELECT id, type, person_id, occurred_at, outcome, campaign_id, source, recorded_at"
                + " FROM activity WHERE lead_id IN (" + Sql.marks(subject.leadIds().size()) + ") ORDER BY occurred_at, id",
                subject.leadIds());
    }

    @Override
    public void erase(DataSubject subject) {
        jdbc.sql("UPDATE activity SET outcome = NULL WHERE lead_id IN (" + Sql.marks(subject.leadIds().size()) + ")")
                .params(new ArrayList<Object>(subject.leadIds())).update();
        PersonalRows.scrubMentions(jdbc, subject, "activity", List.of("id"), List.of("outcome"));
    }
}
