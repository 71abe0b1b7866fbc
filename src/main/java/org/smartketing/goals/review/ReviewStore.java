package org.smartketing.goals.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.smartketing.goals.GoalId;
import org.smartketing.shared.Sql;
import org.smartketing.team.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reviews as they came due and were held; every write is guarded so a job repeated or raced does nothing. */
@Repository
class ReviewStore {

    private final JdbcClient jdbc;

    ReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether this call recorded the review as due (false: a job did already). */
    boolean markDue(GoalId goal, LocalDate due, Instant at) {
        return jdbc.sql("INSERT INTO goal_review (goal_id, due_on, notified_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(goal.value(), due, Sql.utc(at)).update() == 1;
    }

    /** Whether this call recorded the escalation of a review still not held. */
    boolean markEscalated(GoalId goal, LocalDate due, Instant at) {
        return jdbc.sql("UPDATE goal_review SET escalated_at = ? WHERE goal_id = ? AND due_on = ? AND held_at IS NULL "
                + "AND escalated_at IS NULL").params(Sql.utc(at), goal.value(), due).update() == 1;
    }

    /** Holds every due review not held yet; when none is due, records one held today. */
    void hold(GoalId goal, LocalDate today, PersonId by, int version, String note, Instant at) {
        int held = jdbc.sql("UPDATE goal_review SET held_at = ?, held_by = ?, held_version = ?, note = ? "
                + "WHERE goal_id = ? AND held_at IS NULL").params(Sql.utc(at), by.value(), version, note, goal.value())
                .update();
        if (held == 0) {
            jdbc.sql("INSERT INTO goal_review (goal_id, due_on, held_at, held_by, held_version, note) VALUES (?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT DO NOTHING").params(goal.value(), today, Sql.utc(at), by.value(), version, note).update();
        }
    }

    List<Review> of(GoalId goal) {
        return jdbc.sql("SELECT * FROM goal_review WHERE goal_id = ? ORDER BY due_on DESC").param(goal.value())
                .query((rs, n) -> {
                    UUID by = Sql.uuid(rs, "held_by");
                    return new Review(rs.getObject("due_on", LocalDate.class), Sql.instant(rs, "notified_at"),
                            Sql.instant(rs, "escalated_at"), Sql.instant(rs, "held_at"), by == null ? null : new PersonId(by),
                            (Integer) rs.getObject("held_version"), rs.getString("note"));
                }).list();
    }
}
