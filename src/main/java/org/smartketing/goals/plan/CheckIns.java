package org.smartketing.goals.plan;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.smartketing.goals.GoalId;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.Sql;
import org.smartketing.team.AuditLog;
import org.smartketing.team.PersonId;
import org.smartketing.team.SignedInPerson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check-ins on a goal, all kept: the value reached (required for measures reported by check-in,
 * refused for those counted automatically), a confidence from 0 to 10 and a comment.
 */
@Service
@Transactional
public class CheckIns {

    private final GoalPlanning planning;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    CheckIns(GoalPlanning planning, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.planning = planning;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public CheckIn add(GoalId id, CheckIn.Input in, SignedInPerson me) {
        Goal goal = planning.get(id);
        planning.requireMayChange(goal, me);
        return add(goal, in, me.id());
    }

    CheckIn add(Goal goal, CheckIn.Input in, PersonId by) {
        Measure measure = goal.plan().outcome().measure();
        if (measure.byCheckIn() && in.value() == null) {
            throw new InvalidFieldException("value", "is required: " + measure.label().toLowerCase() + " is reported by check-in");
        }
        if (!measure.byCheckIn() && in.value() != null) {
            throw new InvalidFieldException("value", measure.label().toLowerCase() + " is counted automatically; "
                    + "give only your confidence and a comment");
        }
        if (in.value() != null && (in.value().signum() < 0 || Numbers.plain(in.value()).scale() > 2)) {
            throw new InvalidFieldException("value", "must be 0 or more, with at most two decimals");
        }
        if (in.confidence() == null || in.confidence() < 0 || in.confidence() > 10) {
            throw new InvalidFieldException("confidence", "must be a whole number from 0 to 10");
        }
        CheckIn c = new CheckIn(UUID.randomUUID(), by, in.value() == null ? null : Numbers.plain(in.value()),
                in.confidence(), Texts.plain("comment", in.comment(), 500), clock.instant().truncatedTo(ChronoUnit.MICROS));
        jdbc.sql("INSERT INTO goal_check_in (id, goal_id, person_id, reached, confidence, comment, checked_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), goal.id().value(), by.value(), c.value(), c.confidence(), c.comment(), Sql.utc(c.at()))
                .update();
        audit.record("goal", goal.id(), "checked-in", null, Map.of("value", String.valueOf(c.value()),
                "confidence", c.confidence()));
        return c;
    }

    /** Every check-in on the goal, oldest first. */
    @Transactional(readOnly = true)
    public List<CheckIn> of(GoalId goal) {
        return jdbc.sql("SELECT id, person_id, reached, confidence, comment, checked_at FROM goal_check_in "
                + "WHERE goal_id = ? ORDER BY checked_at, id").param(goal.value())
                .query((rs, n) -> new CheckIn(Sql.uuid(rs, "id"), new PersonId(Sql.uuid(rs, "person_id")),
                        rs.getBigDecimal("reached") == null ? null : Numbers.plain(rs.getBigDecimal("reached")),
                        rs.getInt("confidence"), rs.getString("comment"), Sql.instant(rs, "checked_at")))
                .list();
    }

    /** The check-ins of many goals in one query, each goal's oldest first; a goal without any is left out. */
    @Transactional(readOnly = true)
    public java.util.Map<GoalId, List<CheckIn>> of(java.util.Collection<GoalId> goals) {
        java.util.Map<GoalId, List<CheckIn>> result = new java.util.HashMap<>();
        if (goals.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT goal_id, id, person_id, reached, confidence, comment, checked_at FROM goal_check_in "
                + "WHERE goal_id IN (:goals) ORDER BY checked_at, id").param("goals", goals.stream().map(GoalId::value).toList())
                .query(rs -> {
                    result.computeIfAbsent(new GoalId(Sql.uuid(rs, "goal_id")), g -> new java.util.ArrayList<>())
                            .add(new CheckIn(Sql.uuid(rs, "id"), new PersonId(Sql.uuid(rs, "person_id")),
                                    rs.getBigDecimal("reached") == null ? null : Numbers.plain(rs.getBigDecimal("reached")),
                                    rs.getInt("confidence"), rs.getString("comment"), Sql.instant(rs, "checked_at")));
                });
        return result;
    }
}
