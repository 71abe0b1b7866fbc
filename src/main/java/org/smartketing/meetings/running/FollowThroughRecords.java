package org.smartketing.meetings.running;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Follow-through counted by the database: committed action items per owner or per series family,
 * each split into done on time, done late, not done and dropped; ratings and flags of closed
 * meetings. A few rows per call, whatever the number of items.
 */
@Repository
public class FollowThroughRecords {

    /** The counts of one owner's or one family's judged items. */
    public record Counts(UUID key, int due, int doneOnTime, int doneLate, int notDone, int dropped) {
    }

    public record FamilyRatings(UUID familyId, int ratings, Double average) {
    }

    public record FlaggedMeeting(UUID meetingId, UUID familyId, Instant startsAt, boolean withoutEndGoal,
            boolean withoutItems) {
    }

    private final JdbcClient jdbc;

    FollowThroughRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Committed items promised for [from, to) (either may be null) that are closed or were due
     * before {@code today}, counted per {@code owner_id} or {@code family_id}.
     */
    public List<Counts> counts(String by, LocalDate today, LocalDate from, LocalDate to) {
        if (!by.equals("owner_id") && !by.equals("family_id")) {
            throw new IllegalArgumentException(by);
        }
        List<Object> params = new ArrayList<>(List.of(Date.valueOf(today)));
        String period = "";
        if (from != null) {
            period += " AND i.first_due_on >= ?";
            params.add(Date.valueOf(from));
        }
        if (to != null) {
            period += " AND i.first_due_on < ?";
            params.add(Date.valueOf(to));
        }
        return jdbc.sql("""
                SELECT i.%1$s AS k, COUNT(*) AS due,
                    SUM(CASE WHEN i.status = 'DONE' AND i.done_on <= i.first_due_on THEN 1 ELSE 0 END) AS on_time,
                    SUM(CASE WHEN i.status = 'DONE' AND i.done_on > i.first_due_on THEN 1 ELSE 0 END) AS late,
                    SUM(CASE WHEN i.status = 'OPEN' THEN 1 ELSE 0 END) AS not_done,
                    SUM(CASE WHEN i.status = 'DROPPED' THEN 1 ELSE 0 END) AS dropped
                FROM action_item i
                WHERE (i.status <> 'OPEN' OR i.first_due_on < ?)%2$s
                    AND EXISTS (SELECT 1 FROM meeting_commitment c WHERE c.meeting_id = i.meeting_id
                        AND c.person_id = i.author_id)
                GROUP BY i.%1$s""".formatted(by, period))
                .params(params)
                .query((rs, n) -> new Counts(Sql.uuid(rs, "k"), rs.getInt("due"), rs.getInt("on_time"),
                        rs.getInt("late"), rs.getInt("not_done"), rs.getInt("dropped")))
                .list();
    }

    /** Ratings of closed meetings that started in [from, to) (either may be null), per family. */
    public List<FamilyRatings> ratings(Instant from, Instant to) {
        Where where = startedIn(from, to);
        return jdbc.sql("""
                SELECT m.family_id, COUNT(*) AS n, AVG(CAST(r.rating AS DOUBLE PRECISION)) AS average
                FROM meeting_rating r JOIN meeting m ON m.id = r.meeting_id
                WHERE m.status = 'CLOSED'""" + where.sql() + " GROUP BY m.family_id")
                .params(where.params())
                .query((rs, n) -> new FamilyRatings(Sql.uuid(rs, "family_id"), rs.getInt("n"), rs.getDouble("average")))
                .list();
    }

    /** Closed meetings that started in [from, to) and ended without an end goal or without any action item. */
    public List<FlaggedMeeting> flagged(Instant from, Instant to) {
        Where where = startedIn(from, to);
        return jdbc.sql("""
                SELECT m.id, m.family_id, m.starts_at, m.end_goal IS NULL AS no_goal,
                    NOT EXISTS (SELECT 1 FROM action_item i WHERE i.meeting_id = m.id) AS no_items
                FROM meeting m
                WHERE m.status = 'CLOSED'""" + where.sql() + """
                 AND (m.end_goal IS NULL OR NOT EXISTS (SELECT 1 FROM action_item i WHERE i.meeting_id = m.id))
                ORDER BY m.starts_at""")
                .params(where.params())
                .query((rs, n) -> new FlaggedMeeting(Sql.uuid(rs, "id"), Sql.uuid(rs, "family_id"),
                        Sql.instant(rs, "starts_at"), rs.getBoolean("no_goal"), rs.getBoolean("no_items")))
                .list();
    }

    /** Each family's title: that of its first series. */
    public java.util.Map<UUID, String> familyTitles() {
        java.util.Map<UUID, String> titles = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT s.family_id, s.title FROM meeting_series s
                WHERE s.created_at = (SELECT MIN(f.created_at) FROM meeting_series f WHERE f.family_id = s.family_id)""")
                .query(rs -> {
                    titles.putIfAbsent(Sql.uuid(rs, "family_id"), rs.getString("title"));
                });
        return titles;
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where startedIn(Instant from, Instant to) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (from != null) {
            sql.append(" AND m.starts_at >= ?");
            params.add(Sql.utc(from));
        }
        if (to != null) {
            sql.append(" AND m.starts_at < ?");
            params.add(Sql.utc(to));
        }
        return new Where(sql.toString(), params);
    }
}
