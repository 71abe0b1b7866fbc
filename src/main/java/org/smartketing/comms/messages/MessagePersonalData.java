package org.smartketing.comms.messages;

import java.util.ArrayList;
import java.util.List;

import org.smartketing.shared.DataSubject;
import org.smartketing.shared.PersonalData;
import org.smartketing.shared.PersonalRows;
import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Communication's part of a lead's personal data: the messages about the lead (their subject, body
 * and the link's title name the lead) and the in-app inbox items they became. An erase keeps the
 * messages, their recipients and acknowledgements (the responsiveness figures count them) and
 * replaces the person's values in their texts, and in any other message or inbox item naming them.
 */
@Component
class MessagePersonalData implements PersonalData {

    private static final List<String> MESSAGE_TEXTS = List.of("subject", "body", "regarding_title");

    private final JdbcClient jdbc;

    MessagePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "messages";
    }

    @Override
    public Object export(DataSubject subject) {
        return PersonalRows.rows(jdbc, "SELECT id, sender_name, audience_label, urgency, subject, body, regarding_title,"
                + " sent_at FROM comms_message WHERE regarding_kind = 'lead' AND regarding_id IN ("
                + Sql.marks(subject.leadIds().size()) + ") ORDER BY sent_at, id", subject.leadIdTexts());
    }

    @Override
    public void erase(DataSubject subject) {
        List<Object> args = new ArrayList<>(subject.leadIdTexts());
        PersonalRows.scrub(jdbc, subject, "comms_message", List.of("id"), MESSAGE_TEXTS,
                "regarding_kind = 'lead' AND regarding_id IN (" + Sql.marks(args.size()) + ")", args);
        PersonalRows.scrubMentions(jdbc, subject, "comms_message", List.of("id"), MESSAGE_TEXTS);
        PersonalRows.scrubMentions(jdbc, subject, "comms_inbox_item", List.of("id"), List.of("subject", "body"));
    }
}
