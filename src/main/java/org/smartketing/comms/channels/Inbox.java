package org.smartketing.comms.channels;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.smartketing.comms.MessageId;
import org.smartketing.shared.PageOf;
import org.smartketing.shared.Sql;
import org.smartketing.team.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each person's in-app inbox, newest first. */
@Repository
public class Inbox {

    public record Item(UUID id, PersonId person, MessageId messageId, String subject, String body,
            String acknowledgeUrl, Instant createdAt, Instant readAt) {

        public boolean unread() {
            return readAt == null;
        }
    }

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the item unless one with its id (the delivery's) is there already; true when added. */
    boolean add(Item item) {
        return jdbc.sql("""
                INSERT INTO comms_inbox_item (id, person_id, message_id, subject, body, acknowledge_url, created_at)
                SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM comms_inbox_item WHERE id = ?)""")
                .params(item.id(), item.person().value(), item.messageId() == null ? null : item.messageId().value(),
                        item.subject(), item.body(), item.acknowledgeUrl(), Sql.utc(item.createdAt()), item.id())
                .update() > 0;
    }

    public PageOf<Item> of(PersonId person, PageOf.Request page) {
        List<Item> items = jdbc.sql("""
                SELECT * FROM comms_inbox_item WHERE person_id = ?
                ORDER BY created_at DESC, id LIMIT ? OFFSET ?""")
                .params(person.value(), page.size(), page.offset())
                .query((rs, n) -> new Item(Sql.uuid(rs, "id"), new PersonId(Sql.uuid(rs, "person_id")),
                        rs.getObject("message_id") == null ? null : new MessageId(Sql.uuid(rs, "message_id")),
                        rs.getString("subject"), rs.getString("body"), rs.getString("acknowledge_url"),
                        Sql.instant(rs, "created_at"), Sql.instant(rs, "read_at")))
                .list();
        long total = jdbc.sql("SELECT COUNT(*) FROM comms_inbox_item WHERE person_id = ?").param(person.value())
                .query(Long.class).single();
        return new PageOf<>(items, page.page(), page.size(), total);
    }

    public long unread(PersonId person) {
        return jdbc.sql("SELECT COUNT(*) FROM comms_inbox_item WHERE person_id = ? AND read_at IS NULL")
                .param(person.value()).query(Long.class).single();
    }

    /** Unread counts of several people at once; people with none are absent. */
    Map<UUID, Long> unread(Collection<UUID> people) {
        Map<UUID, Long> counts = new HashMap<>();
        if (people.isEmpty()) {
            return counts;
        }
        jdbc.sql("SELECT person_id, COUNT(*) AS n FROM comms_inbox_item WHERE read_at IS NULL AND person_id IN (:people)"
                + " GROUP BY person_id").param("people", people)
                .query(rs -> {
                    counts.put(Sql.uuid(rs, "person_id"), rs.getLong("n"));
                });
        return counts;
    }

    /** Marks one of the person's items read; false when it is not theirs or not there. */
    public boolean markRead(PersonId person, UUID item, Instant at) {
        return jdbc.sql("UPDATE comms_inbox_item SET read_at = ? WHERE id = ? AND person_id = ? AND read_at IS NULL")
                .params(Sql.utc(at), item, person.value()).update() > 0;
    }

    /** Marks every item of that message read for the person (they opened the message). */
    public int markMessageRead(PersonId person, MessageId message, Instant at) {
        return jdbc.sql("UPDATE comms_inbox_item SET read_at = ? WHERE message_id = ? AND person_id = ? AND read_at IS NULL")
                .params(Sql.utc(at), message.value(), person.value()).update();
    }

    public int markAllRead(PersonId person, Instant at) {
        return jdbc.sql("UPDATE comms_inbox_item SET read_at = ? WHERE person_id = ? AND read_at IS NULL")
                .params(Sql.utc(at), person.value()).update();
    }
}
