package org.smartketing.shared.events;

import java.util.List;

import org.smartketing.shared.DataSubject;
import org.smartketing.shared.PersonalData;
import org.smartketing.shared.PersonalRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The event publication registry's part of a lead's personal data: events are kept as JSON until
 * their listeners are done and a while after (archived), and an event may carry words that name the
 * person (a stage change's reason). Nothing is exported (the events are what the other parts already
 * show); an erase replaces the person's values in the stored events.
 */
@Component
class EventPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    EventPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String part() {
        return "eventRegistry";
    }

    @Override
    public Object export(DataSubject subject) {
        return List.of();
    }

    @Override
    public void erase(DataSubject subject) {
        for (String table : List.of("event_publication", "event_publication_archive")) {
            PersonalRows.scrubMentions(jdbc, subject, table, List.of("id"), List.of("serialized_event"));
        }
    }
}
