package org.smartketing.meetings.running;

import java.util.ArrayList;
import java.util.List;

import org.smartketing.shared.DataSubject;
import org.smartketing.shared.PersonalData;
import org.smartketing.shared.PersonalRows;
import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Meetings' part of a lead's personal data: the action items linked to the lead (their text may
 * name the person) and their follow-ups' reasons. An erase keeps the items, their link and status
 * (follow-through is measured on them) and replaces the person's values in their texts, and in the
 * ideas, commitments and items elsewhere that name them.
 */
@Component
class ActionItemPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    ActionItemPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "actionItems";
    }

    @Override
    public Object export(DataSubject subject) {
        return PersonalRows.rows(jdbc, "SELECT id, meeting_id, text, owner_id, due_on, status, reason, done_on, created_at"
                + " FROM action_item WHERE link_kind = 'lead' AND link_id IN (" + Sql.marks(subject.leadIds().size())
                + ") ORDER BY created_at, id", subject.leadIds());
    }

    @Override
    public void erase(DataSubject subject) {
        List<Object> args = new ArrayList<>(subject.leadIds());
        PersonalRows.scrub(jdbc, subject, "action_item", List.of("id"), List.of("text", "reason"),
                "link_kind = 'lead' AND link_id IN (" + Sql.marks(args.size()) + ")", args);
        PersonalRows.scrubMentions(jdbc, subject, "action_item", List.of("id"), List.of("text", "reason"));
        PersonalRows.scrubMentions(jdbc, subject, "action_item_review", List.of("id"), List.of("reason"));
        PersonalRows.scrubMentions(jdbc, subject, "meeting_idea", List.of("id"), List.of("text"));
        PersonalRows.scrubMentions(jdbc, subject, "meeting_commitment", List.of("meeting_id", "person_id"),
                List.of("action"));
    }
}
