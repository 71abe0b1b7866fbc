package org.smartketing.mail;

import java.util.ArrayList;
import java.util.List;

import org.smartketing.shared.DataSubject;
import org.smartketing.shared.PersonalData;
import org.smartketing.shared.PersonalRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mail's part of a lead's personal data: emails the application sent to people of the team that
 * name the lead (a notification about it). An erase keeps each email in the outbox and replaces the
 * person's values in its subject and body.
 */
@Component
class MailPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    MailPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "emails";
    }

    @Override
    public Object export(DataSubject subject) {
        List<Object> args = new ArrayList<>();
        String where = subject.sqlMentions(args, "subject", "body");
        return PersonalRows.rows(jdbc, "SELECT id, recipient, subject, body, status, created_at, sent_at FROM mail_message"
                + " WHERE " + where + " ORDER BY created_at, id", args);
    }

    @Override
    public void erase(DataSubject subject) {
        PersonalRows.scrubMentions(jdbc, subject, "mail_message", List.of("id"), List.of("recipient", "subject", "body"));
    }
}
