package org.smartketing.support;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.smartketing.shared.Sql;
import org.smartketing.team.people.Person;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows written as the parts leave them, for tests of the figures read from them (the parts' own
 * tests and the insights tiles that read the parts' faces): a message through the outbox, a
 * meeting series with a closed meeting, commitments and action items.
 */
public final class PartRows {

    private PartRows() {
    }

    /** A message as the outbox leaves it: sent, maybe delivered and acknowledged, its one step done. */
    public static void received(JdbcClient jdbc, Person to, String urgency, Instant sentAt, Integer promised,
            Integer ackAfterMinutes, boolean delivered) {
        UUID message = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO comms_message (id, sender_name, audience_kind, audience_ref, audience_label, urgency, subject,
                    body, sent_at) VALUES (?, 'Test', 'PERSON', ?, ?, ?, 'Subject', 'Body', ?)""")
                .params(message, to.id().toString(), to.displayName(), urgency, Sql.utc(sentAt)).update();
        Instant deliveredAt = delivered ? sentAt.plusSeconds(30) : null;
        Instant ack = ackAfterMinutes == null ? null : deliveredAt.plus(Duration.ofMinutes(ackAfterMinutes));
        jdbc.sql("""
                INSERT INTO comms_recipient (message_id, person_id, person_name, promised_minutes, first_delivered_at,
                    acknowledged_at) VALUES (?, ?, ?, ?, ?, ?)""")
                .params(message, to.id().value(), to.displayName(), promised, Sql.utc(deliveredAt), Sql.utc(ack))
                .update();
        jdbc.sql("""
                INSERT INTO comms_step (id, message_id, recipient_id, step_no, person_id, person_name, channel, address,
                    reason, held, state, attempts, delivered_at) VALUES (?, ?, ?, 0, ?, ?, 'IN_APP', 'inbox', 'test',
                    FALSE, ?, 1, ?)""")
                .params(UUID.randomUUID(), message, to.id().value(), to.id().value(), to.displayName(),
                        delivered ? "DELIVERED" : "FAILED", Sql.utc(deliveredAt)).update();
    }

    /** A meeting series sponsored and organised by the person, first at noon UTC on the day; its family id. */
    public static UUID series(JdbcClient jdbc, String title, Person sponsor, LocalDate day) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO meeting_series (id, family_id, title, first_start, time_zone, duration_minutes, sponsor_id,
                    organizer_id, ical_uid, sequence, created_at) VALUES (?, ?, ?, ?, 'UTC', 30, ?, ?, ?, 0, ?)""")
                .params(id, id, title, LocalDateTime.of(day, LocalTime.NOON), sponsor.id().value(),
                        sponsor.id().value(), id + "@test", Sql.utc(day.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .update();
        return id;
    }

    /** A meeting of the family held and closed at noon UTC on the day. */
    public static UUID meeting(JdbcClient jdbc, UUID family, LocalDate day, String endGoal) {
        UUID id = UUID.randomUUID();
        Instant starts = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO meeting (id, series_id, family_id, recurrence_id, starts_at, duration_minutes, end_goal, moved,
                    status, started_at, closed_at) VALUES (?, ?, ?, ?, ?, 30, ?, FALSE, 'CLOSED', ?, ?)""")
                .params(id, family, family, Sql.utc(starts), Sql.utc(starts), endGoal, Sql.utc(starts),
                        Sql.utc(starts.plusSeconds(1800)))
                .update();
        return id;
    }

    public static void commit(JdbcClient jdbc, UUID meeting, Person who) {
        jdbc.sql("INSERT INTO meeting_commitment (meeting_id, person_id, action, committed_at) VALUES (?, ?, 'I will', ?)")
                .params(meeting, who.id().value(), Sql.utc(Instant.now())).update();
    }

    /** An action item of the owner promised for {@code due}, in the status, done on {@code doneOn} if done. */
    public static void item(JdbcClient jdbc, UUID meeting, UUID family, Person owner, LocalDate due, String status,
            LocalDate doneOn) {
        jdbc.sql("""
                INSERT INTO action_item (id, meeting_id, family_id, text, owner_id, author_id, first_due_on, due_on,
                    status, reason, done_on, created_at) VALUES (?, ?, ?, 'Do it', ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), meeting, family, owner.id().value(), owner.id().value(), Date.valueOf(due),
                        Date.valueOf(due), status, status.equals("DROPPED") ? "not needed" : null,
                        doneOn == null ? null : Date.valueOf(doneOn), Sql.utc(Instant.now()))
                .update();
    }
}
