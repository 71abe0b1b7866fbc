package org.smartketing.crosstraining.sessions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.smartketing.crosstraining.ReflectionWritten;
import org.smartketing.crosstraining.SessionId;
import org.smartketing.meetings.ActionItemId;
import org.smartketing.meetings.ActionItems;
import org.smartketing.shared.FieldConflictException;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.shared.Sql;
import org.smartketing.shared.Text;
import org.smartketing.team.AuditLog;
import org.smartketing.team.PersonId;
import org.smartketing.team.SignedInPerson;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reflections after a session, by its learners (and, if they like, its host): what I learned, one
 * change I will make. With a due date the change becomes an action item through meetings' face,
 * owned by the writer and followed up by their manager, in the same transaction.
 */
@Service
@Transactional
public class Reflections {

    public record NewReflection(String learned, String change, LocalDate actionDueOn) {
    }

    private final SessionStore sessions;
    private final JdbcClient jdbc;
    private final ActionItems actionItems;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reflections(SessionStore sessions, JdbcClient jdbc, ActionItems actionItems, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.actionItems = actionItems;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public Reflection write(SessionId id, NewReflection request, SignedInPerson me) {
        Session s = sessions.byId(id).orElseThrow(() -> new NotFoundException("Session " + id));
        if (!s.involves(me.id())) {
            throw new InvalidFieldException("sessionId", "is a session you were not in: only its learners and host reflect on it");
        }
        if (s.cancelled()) {
            throw new RuleViolationException("This session was cancelled: there is nothing to reflect on.");
        }
        if (s.startsAt().isAfter(clock.instant())) {
            throw new RuleViolationException("This session has not happened yet.");
        }
        String learned = Text.plain("learned", request.learned(), 2000);
        if (learned == null) {
            throw new InvalidFieldException("learned", "is required: what did you learn?");
        }
        String change = Text.plain("change", request.change(), 500);
        if (request.actionDueOn() != null && change == null) {
            throw new InvalidFieldException("change", "is required to make an action item of it");
        }
        if (written(id, me.id())) {
            throw new FieldConflictException("sessionId", "you already wrote your reflection on this session");
        }
        ActionItemId item = request.actionDueOn() == null ? null
                : actionItems.create(new ActionItems.NewActionItem(change, me.id(), request.actionDueOn(),
                        s.kind().label() + ": " + s.topic(), "/cross-training/sessions/" + s.id(), null), me.id());
        Reflection r = new Reflection(id, me.id(), learned, change, item, clock.instant());
        jdbc.sql("""
                INSERT INTO crosstraining_reflection (session_id, person_id, learned, change_text, action_item_id, written_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id.value(), me.id().value(), learned, change, item == null ? null : item.value(),
                        Sql.utc(r.writtenAt()))
                .update();
        audit.record("crosstraining-session", id, "reflected", null, item == null ? Map.of("by", me.id().toString())
                : Map.of("by", me.id().toString(), "actionItem", item.toString()));
        events.publishEvent(new ReflectionWritten(UUID.randomUUID(), id, me.id(), change != null, item, r.writtenAt(),
                me.actor()));
        return r;
    }

    private boolean written(SessionId id, PersonId person) {
        return jdbc.sql("SELECT COUNT(*) FROM crosstraining_reflection WHERE session_id = ? AND person_id = ?")
                .params(id.value(), person.value()).query(Long.class).single() > 0;
    }

    @Transactional(readOnly = true)
    public List<Reflection> of(SessionId id) {
        return jdbc.sql("SELECT * FROM crosstraining_reflection WHERE session_id = ? ORDER BY written_at")
                .param(id.value()).query((rs, n) -> {
                    UUID item = Sql.uuid(rs, "action_item_id");
                    return new Reflection(new SessionId(Sql.uuid(rs, "session_id")), new PersonId(Sql.uuid(rs, "person_id")),
                            rs.getString("learned"), rs.getString("change_text"), item == null ? null : new ActionItemId(item),
                            Sql.instant(rs, "written_at"));
                }).list();
    }

    /** Every reflection's session and writer, for the measures: who reflected on what. */
    @Transactional(readOnly = true)
    public List<Reflection> all() {
        return jdbc.sql("SELECT session_id, person_id, written_at FROM crosstraining_reflection").query((rs, n) ->
                new Reflection(new SessionId(Sql.uuid(rs, "session_id")), new PersonId(Sql.uuid(rs, "person_id")), null,
                        null, null, Sql.instant(rs, "written_at"))).list();
    }
}
