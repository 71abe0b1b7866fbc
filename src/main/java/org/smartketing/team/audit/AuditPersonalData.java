package org.smartketing.team.audit;

import java.util.ArrayList;
import java.util.List;

import org.smartketing.shared.DataSubject;
import org.smartketing.shared.PersonalData;
import org.smartketing.shared.PersonalRows;
import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit log's part of a lead's personal data: the entries about the lead, whose before and
 * after states are the lead's fields. An erase keeps each entry (who did what, when) and replaces
 * its states by {@link #ERASED_STATE}; entries about other things that mention the person (a merge
 * of the lead into another) keep their states with the person's values replaced.
 */
@Component
class AuditPersonalData implements PersonalData {

    static final String ERASED_STATE = "{\"erased\":true}";

    private final JdbcClient jdbc;

    AuditPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "auditLog";
    }

    @Override
    public Object export(DataSubject subject) {
        List<Object> args = new ArrayList<>(subject.leadIdTexts());
        return PersonalRows.rows(jdbc, "SELECT id, occurred_at, actor_label, entity_type, entity_id, action, before_state,"
                + " after_state FROM audit_entry WHERE entity_type = 'lead' AND entity_id IN (" + Sql.marks(args.size())
                + ") ORDER BY id", args);
    }

    @Override
    public void erase(DataSubject subject) {
        List<Object> ids = new ArrayList<>(subject.leadIdTexts());
        String in = Sql.marks(ids.size());
        jdbc.sql("UPDATE audit_entry SET before_state = CASE WHEN before_state IS NULL THEN NULL ELSE '" + ERASED_STATE
                + "' END, after_state = CASE WHEN after_state IS NULL THEN NULL ELSE '" + ERASED_STATE
                + "' END WHERE entity_type = 'lead' AND entity_id IN (" + in + ")").params(ids).update();
        PersonalRows.scrubMentions(jdbc, subject, "audit_entry", List.of("id"), List.of("before_state", "after_state"));
    }
}
