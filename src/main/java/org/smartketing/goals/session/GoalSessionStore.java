package org.smartketing.goals.session;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.goals.GoalId;
import org.smartketing.goals.plan.ActivityKind;
import org.smartketing.goals.plan.Outcome;
import org.smartketing.goals.plan.Per;
import org.smartketing.goals.plan.Period;
import org.smartketing.meetings.MeetingId;
import org.smartketing.shared.Sql;
import org.smartketing.shared.StaleVersionException;
import org.smartketing.team.PersonId;
import org.smartketing.team.TeamId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Goal sessions with their participants, proposals, owners and votes. */
@Repository
class GoalSessionStore {

    private static final String COLUMNS = "id, team_id, meeting_id, title, period_quarter, period_month, starts_on, ends_on, zone, "
            + "measure, target, currency, step, step_started_at, started_at, started_by, goal_id, version";

    private final JdbcClient jdbc;

    GoalSessionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(GoalSession s) {
        jdbc.sql("INSERT INTO goal_session (" + COLUMNS + ") VALUES (:id, :team, :meeting, :title, :quarter, :month, "
                + ":starts, :ends, :zone, :measure, :target, :currency, :step, :stepAt, :at, :by, NULL, :version)")
                .param("id", s.id()).param("team", s.teamId().value())
                .param("meeting", s.meetingId() == null ? null : s.meetingId().value()).param("title", s.title())
                .param("quarter", s.period().quarter()).param("month", s.period().month())
                .param("starts", s.period().startsOn()).param("ends", s.period().endsOn()).param("zone", s.zone().getId())
                .param("measure", s.outcome().measure()).param("target", s.outcome().target())
                .param("currency", s.outcome().currency()).param("step", s.step().name())
                .param("stepAt", Sql.utc(s.stepStartedAt())).param("at", Sql.utc(s.startedAt()))
                .param("by", s.startedBy().value()).param("version", s.version()).update();
    }

    /** Saves what may change of a session (outcome, step, goal) over the version it was read at. */
    void update(GoalSession s, int basedOn) {
        int updated = jdbc.sql("UPDATE goal_session SET title = :title, period_quarter = :quarter, period_month = :month, starts_on = :starts, "
                + "ends_on = :ends, measure = :measure, target = :target, currency = :currency, step = :step, "
                + "step_started_at = :stepAt, goal_id = :goal, version = :version WHERE id = :id AND version = :basedOn")
                .param("title", s.title()).param("quarter", s.period().quarter()).param("month", s.period().month())
                .param("starts", s.period().startsOn()).param("ends", s.period().endsOn())
                .param("measure", s.outcome().measure()).param("target", s.outcome().target())
                .param("currency", s.outcome().currency()).param("step", s.step().name())
                .param("stepAt", Sql.utc(s.stepStartedAt())).param("goal", s.goalId() == null ? null : s.goalId().value())
                .param("version", s.version()).param("id", s.id()).param("basedOn", basedOn).update();
        if (updated == 0) {
            throw new StaleVersionException("The goal session", basedOn, basedOn + 1);
        }
    }

    Optional<GoalSession> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM goal_session WHERE id = ?").param(id).query(GoalSessionStore::session)
                .optional();
    }

    /** The session, its row locked until the transaction ends, so changes to one session queue. */
    Optional<GoalSession> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM goal_session WHERE id = ? FOR UPDATE").param(id)
                .query(GoalSessionStore::session).optional();
    }

    List<GoalSession> ofMeeting(MeetingId meeting) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM goal_session WHERE meeting_id = ? ORDER BY started_at")
                .param(meeting.value()).query(GoalSessionStore::session).list();
    }

    /** Whether the person joined now (false: they had joined already). */
    boolean join(UUID session, PersonId person, Instant at) {
        return jdbc.sql("INSERT INTO goal_session_participant (session_id, person_id, joined_at) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING").params(session, person.value(), Sql.utc(at)).update() == 1;
    }

    List<GoalSession.Participant> participants(UUID session) {
        return jdbc.sql("SELECT person_id, joined_at, commitment, committed_at FROM goal_session_participant "
                + "WHERE session_id = ? ORDER BY joined_at, person_id").param(session)
                .query((rs, n) -> new GoalSession.Participant(new PersonId(rs.getObject("person_id", UUID.class)),
                        Sql.instant(rs, "joined_at"), rs.getString("commitment"), Sql.instant(rs, "committed_at")))
                .list();
    }

    void commit(UUID session, PersonId person, String text, Instant at) {
        jdbc.sql("UPDATE goal_session_participant SET commitment = ?, committed_at = ? WHERE session_id = ? AND person_id = ?")
                .params(text, Sql.utc(at), session, person.value()).update();
    }

    void insertProposal(UUID session, GoalSession.Proposal p) {
        jdbc.sql("INSERT INTO goal_session_proposal (id, session_id, proposed_by, kind, note, proposed_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(p.id(), session, p.proposedBy().value(), p.kind().name(), p.note(), Sql.utc(p.proposedAt()))
                .update();
    }

    void setTargets(UUID proposal, int target, Per per, List<PersonId> owners) {
        jdbc.sql("UPDATE goal_session_proposal SET target = ?, per = ? WHERE id = ?").params(target, per.name(), proposal)
                .update();
        jdbc.sql("DELETE FROM goal_session_owner WHERE proposal_id = ?").param(proposal).update();
        for (int i = 0; i < owners.size(); i++) {
            jdbc.sql("INSERT INTO goal_session_owner (proposal_id, person_id, position) VALUES (?, ?, ?)")
                    .params(proposal, owners.get(i).value(), i).update();
        }
    }

    int votesBy(UUID session, PersonId person) {
        return jdbc.sql("SELECT COUNT(*) FROM goal_session_vote WHERE session_id = ? AND person_id = ?")
                .params(session, person.value()).query(Integer.class).single();
    }

    /** Whether the vote was cast (false: this person had voted for the proposal already). */
    boolean vote(UUID session, UUID proposal, PersonId person, Instant at) {
        return jdbc.sql("INSERT INTO goal_session_vote (proposal_id, person_id, session_id, voted_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT DO NOTHING").params(proposal, person.value(), session, Sql.utc(at)).update() == 1;
    }

    /** The proposals with owners and voters, in the order they were proposed: three queries for the whole session. */
    List<GoalSession.Proposal> proposals(UUID session) {
        Map<UUID, List<PersonId>> owners = people("SELECT o.proposal_id, o.person_id FROM goal_session_owner o "
                + "JOIN goal_session_proposal p ON p.id = o.proposal_id WHERE p.session_id = ? ORDER BY o.position", session);
        Map<UUID, List<PersonId>> voters = people("SELECT proposal_id, person_id FROM goal_session_vote "
                + "WHERE session_id = ? ORDER BY voted_at, person_id", session);
        return jdbc.sql("SELECT id, proposed_by, kind, note, target, per, proposed_at FROM goal_session_proposal "
                + "WHERE session_id = ? ORDER BY proposed_at, id").param(session).query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    String per = rs.getString("per");
                    return new GoalSession.Proposal(id, new PersonId(rs.getObject("proposed_by", UUID.class)),
                            ActivityKind.valueOf(rs.getString("kind")), rs.getString("note"),
                            rs.getObject("target", Integer.class), per == null ? null : Per.valueOf(per),
                            owners.getOrDefault(id, List.of()), voters.getOrDefault(id, List.of()),
                            Sql.instant(rs, "proposed_at"));
                }).list();
    }

    private Map<UUID, List<PersonId>> people(String sql, UUID session) {
        Map<UUID, List<PersonId>> result = new LinkedHashMap<>();
        jdbc.sql(sql).param(session).query(rs -> {
            result.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(new PersonId(rs.getObject(2, UUID.class)));
        });
        return result;
    }

    private static GoalSession session(ResultSet rs, int n) throws SQLException {
        UUID meeting = rs.getObject("meeting_id", UUID.class);
        UUID goal = rs.getObject("goal_id", UUID.class);
        BigDecimal target = rs.getBigDecimal("target");
        return new GoalSession(rs.getObject("id", UUID.class), new TeamId(rs.getObject("team_id", UUID.class)),
                meeting == null ? null : new MeetingId(meeting), rs.getString("title"),
                new Period.Input(rs.getString("period_quarter"), rs.getString("period_month"), rs.getObject("starts_on", java.time.LocalDate.class),
                        rs.getObject("ends_on", java.time.LocalDate.class)),
                ZoneId.of(rs.getString("zone")), new Outcome.Input(rs.getString("measure"), target, rs.getString("currency")),
                Step.valueOf(rs.getString("step")), Sql.instant(rs, "step_started_at"), Sql.instant(rs, "started_at"),
                new PersonId(rs.getObject("started_by", UUID.class)), goal == null ? null : new GoalId(goal),
                rs.getInt("version"));
    }
}
