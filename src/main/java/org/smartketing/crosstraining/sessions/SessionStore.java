package org.smartketing.crosstraining.sessions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.crosstraining.OfferId;
import org.smartketing.crosstraining.SessionId;
import org.smartketing.shared.Sql;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sessions and their learners. */
@Repository
public class SessionStore {

    private final JdbcClient jdbc;

    SessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Session s, Map<PersonId, Department> learnerDepartments) {
        jdbc.sql("""
                INSERT INTO crosstraining_session (id, kind, topic, host_id, host_department, host_job_role, starts_at,
                    duration_minutes, zone, work_kind, work_id, work_type, work_title, offer_id, status, sequence,
                    created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id().value(), s.kind().name(), s.topic(), s.host().id().value(), s.host().department().name(),
                        s.host().jobRole(), Sql.utc(s.startsAt()), s.durationMinutes(), s.zone().getId(),
                        s.work() == null ? null : s.work().kind(), s.work() == null ? null : s.work().id(),
                        s.work() == null ? null : s.work().type(), s.work() == null ? null : s.work().title(),
                        s.offerId() == null ? null : s.offerId().value(), s.status().name(), s.sequence(),
                        s.createdBy().value(), Sql.utc(s.createdAt()))
                .update();
        s.learners().forEach(l -> addLearner(s.id(), l, learnerDepartments.get(l), s.createdAt()));
    }

    void addLearner(SessionId session, PersonId learner, Department department, Instant at) {
        jdbc.sql("INSERT INTO crosstraining_learner (session_id, person_id, department, joined_at) VALUES (?, ?, ?, ?)")
                .params(session.value(), learner.value(), department.name(), Sql.utc(at)).update();
    }

    /** Saves what a change of the session itself changed: its time, status and SEQUENCE. */
    void update(Session s) {
        jdbc.sql("UPDATE crosstraining_session SET starts_at = ?, duration_minutes = ?, status = ?, sequence = ? WHERE id = ?")
                .params(Sql.utc(s.startsAt()), s.durationMinutes(), s.status().name(), s.sequence(), s.id().value())
                .update();
    }

    public Optional<Session> byId(SessionId id) {
        return list("WHERE s.id = ?", id.value()).stream().findFirst();
    }

    /** Locks the session's row until commit, so two learners joining at once take turns. */
    Optional<Session> lock(SessionId id) {
        jdbc.sql("SELECT id FROM crosstraining_session WHERE id = ? FOR UPDATE").param(id.value()).query().listOfRows();
        return byId(id);
    }

    /** The sessions someone hosts or learns in, soonest first. */
    public List<Session> involving(PersonId person) {
        return list("""
                WHERE s.host_id = ? OR s.id IN (SELECT l.session_id FROM crosstraining_learner l WHERE l.person_id = ?)
                ORDER BY s.starts_at""", person.value(), person.value());
    }

    /** Every session not cancelled that starts in [from, to), soonest first. */
    public List<Session> between(Instant from, Instant to) {
        return list("WHERE s.status = 'SCHEDULED' AND s.starts_at >= ? AND s.starts_at < ? ORDER BY s.starts_at",
                Sql.utc(from), Sql.utc(to));
    }

    public List<Session> all() {
        return list("WHERE s.status = 'SCHEDULED' ORDER BY s.starts_at");
    }

    /** The learners still without a reflection on the session who have not been reminded; marks them reminded. */
    List<PersonId> remindOnce(SessionId session, Instant at) {
        List<PersonId> due = jdbc.sql("""
                SELECT l.person_id FROM crosstraining_learner l
                WHERE l.session_id = ? AND l.reflection_nudged IS NULL AND NOT EXISTS (
                    SELECT 1 FROM crosstraining_reflection r WHERE r.session_id = l.session_id AND r.person_id = l.person_id)
                ORDER BY l.person_id""").param(session.value())
                .query((rs, n) -> new PersonId(Sql.uuid(rs, "person_id"))).list();
        List<PersonId> marked = new ArrayList<>();
        for (PersonId p : due) {
            if (jdbc.sql("""
                    UPDATE crosstraining_learner SET reflection_nudged = ?
                    WHERE session_id = ? AND person_id = ? AND reflection_nudged IS NULL""")
                    .params(Sql.utc(at), session.value(), p.value()).update() == 1) {
                marked.add(p);
            }
        }
        return marked;
    }

    private List<Session> list(String where, Object... params) {
        Map<UUID, Session> sessions = new LinkedHashMap<>();
        jdbc.sql("SELECT s.* FROM crosstraining_session s " + where).params(params)
                .query((rs, n) -> session(rs, List.of())).list().forEach(s -> sessions.put(s.id().value(), s));
        if (sessions.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<PersonId>> learners = learners(sessions.keySet());
        return sessions.values().stream().map(s -> withLearners(s, learners.getOrDefault(s.id().value(), List.of())))
                .toList();
    }

    private Map<UUID, List<PersonId>> learners(Collection<UUID> sessions) {
        Map<UUID, List<PersonId>> learners = new LinkedHashMap<>();
        List<UUID> ids = List.copyOf(sessions);
        for (int from = 0; from < ids.size(); from += 500) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            jdbc.sql("SELECT session_id, person_id FROM crosstraining_learner WHERE session_id IN (:ids) ORDER BY joined_at, person_id")
                    .param("ids", chunk)
                    .query((rs, n) -> Map.entry(Sql.uuid(rs, "session_id"), new PersonId(Sql.uuid(rs, "person_id"))))
                    .list().forEach(e -> learners.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        }
        return learners;
    }

    private static Session withLearners(Session s, List<PersonId> learners) {
        return new Session(s.id(), s.kind(), s.topic(), s.host(), s.startsAt(), s.durationMinutes(), s.zone(), s.work(),
                s.offerId(), s.status(), s.sequence(), learners, s.createdBy(), s.createdAt());
    }

    /** The one place a session row is read. */
    private static Session session(ResultSet rs, List<PersonId> learners) throws SQLException {
        String workKind = rs.getString("work_kind");
        Work work = workKind == null ? null
                : new Work(workKind, Sql.uuid(rs, "work_id"), rs.getString("work_type"), rs.getString("work_title"));
        UUID offer = Sql.uuid(rs, "offer_id");
        return new Session(new SessionId(Sql.uuid(rs, "id")), Session.Kind.valueOf(rs.getString("kind")),
                rs.getString("topic"),
                new Session.Host(new PersonId(Sql.uuid(rs, "host_id")), Department.valueOf(rs.getString("host_department")),
                        rs.getString("host_job_role")),
                Sql.instant(rs, "starts_at"), rs.getInt("duration_minutes"), ZoneId.of(rs.getString("zone")), work,
                offer == null ? null : new OfferId(offer), Session.Status.valueOf(rs.getString("status")),
                rs.getInt("sequence"), learners, new PersonId(Sql.uuid(rs, "created_by")), Sql.instant(rs, "created_at"));
    }
}
