package org.smartketing.goals.progress;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.smartketing.meetings.ActionItemCompleted;
import org.smartketing.shared.Sql;
import org.smartketing.shared.events.Reactions;
import org.smartketing.team.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The one place goals learn about meetings: action items done, heard after commit (once each)
 * and counted for their owner at the moment they were marked done.
 */
@Component
class MeetingsFigures {

    private final JdbcClient jdbc;
    private final Reactions reactions;

    MeetingsFigures(JdbcClient jdbc, Reactions reactions) {
        this.jdbc = jdbc;
        this.reactions = reactions;
    }

    @ApplicationModuleListener
    void itemDone(ActionItemCompleted done) {
        reactions.once("goals.action-item-done", done.eventId(), () -> jdbc.sql("INSERT INTO goal_item_done "
                + "(event_id, item_id, owner_id, done_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(done.eventId(), done.itemId().value(), done.owner().value(),
                        Sql.utc(done.occurredAt()))
                .update());
    }

    Map<PersonId, Long> doneBy(Collection<PersonId> people, Instant from, Instant to) {
        Map<PersonId, Long> result = new LinkedHashMap<>();
        people.forEach(p -> result.put(p, 0L));
        if (people.isEmpty() || !from.isBefore(to)) {
            return result;
        }
        List<UUID> ids = people.stream().map(PersonId::value).toList();
        jdbc.sql("SELECT owner_id, COUNT(*) AS done FROM goal_item_done WHERE owner_id IN (:ids) AND done_at >= :from "
                + "AND done_at < :to GROUP BY owner_id")
                .param("ids", ids).param("from", Sql.utc(from)).param("to", Sql.utc(to))
                .query(rs -> {
                    result.put(new PersonId(Sql.uuid(rs, "owner_id")), rs.getLong("done"));
                });
        return result;
    }
}
