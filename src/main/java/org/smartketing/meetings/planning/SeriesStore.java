package org.smartketing.meetings.planning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.shared.Sql;
import org.smartketing.team.PersonId;
import org.smartketing.team.TeamId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The meeting_series tables. */
@Repository
public class SeriesStore {

    private final JdbcClient jdbc;

    SeriesStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Series s) {
        jdbc.sql("""
                INSERT INTO meeting_series (id, family_id, title, first_start, time_zone, duration_minutes, rrule,
                    sponsor_id, organizer_id, topic, end_goal, ical_uid, sequence, cancelled_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id(), s.familyId(), s.title(), Timestamp.valueOf(s.firstStart()), s.zone().getId(),
                        s.durationMinutes(), s.rrule(), s.sponsorId().value(), s.organizerId().value(), s.topic(),
                        s.endGoal(), s.icalUid(), s.sequence(), Sql.utc(s.cancelledAt()), Sql.utc(s.createdAt()))
                .update();
        writeAttendees(s);
    }

    void update(Series s) {
        jdbc.sql("""
                UPDATE meeting_series SET title = ?, first_start = ?, time_zone = ?, duration_minutes = ?, rrule = ?,
                    sponsor_id = ?, topic = ?, end_goal = ?, sequence = ?, cancelled_at = ? WHERE id = ?""")
                .params(s.title(), Timestamp.valueOf(s.firstStart()), s.zone().getId(), s.durationMinutes(), s.rrule(),
                        s.sponsorId().value(), s.topic(), s.endGoal(), s.sequence(), Sql.utc(s.cancelledAt()), s.id())
                .update();
        jdbc.sql("DELETE FROM meeting_series_attendee WHERE series_id = ?").param(s.id()).update();
        jdbc.sql("DELETE FROM meeting_series_team WHERE series_id = ?").param(s.id()).update();
        writeAttendees(s);
    }

    private void writeAttendees(Series s) {
        s.attendees().forEach(p -> jdbc.sql("INSERT INTO meeting_series_attendee (series_id, person_id) VALUES (?, ?)")
                .params(s.id(), p.value()).update());
        s.teams().forEach(t -> jdbc.sql("INSERT INTO meeting_series_team (series_id, team_id) VALUES (?, ?)")
                .params(s.id(), t.value()).update());
    }

    public Optional<Series> byId(UUID id) {
        return jdbc.sql("SELECT * FROM meeting_series WHERE id = ?").param(id).query(this::row).optional();
    }

    /** Series someone is invited to, sponsors or organized, newest first. */
    public List<Series> involving(PersonId person) {
        return jdbc.sql("""
                SELECT * FROM meeting_series s WHERE s.sponsor_id = ? OR s.organizer_id = ?
                   OR EXISTS (SELECT 1 FROM meeting_series_attendee a WHERE a.series_id = s.id AND a.person_id = ?)
                ORDER BY s.created_at DESC""")
                .params(person.value(), person.value(), person.value()).query(this::row).list();
    }

    public List<Series> all() {
        return jdbc.sql("SELECT * FROM meeting_series ORDER BY created_at DESC").query(this::row).list();
    }

    public List<Series> ofFamily(UUID family) {
        return jdbc.sql("SELECT * FROM meeting_series WHERE family_id = ? ORDER BY first_start").param(family)
                .query(this::row).list();
    }

    private Series row(ResultSet rs, int n) throws SQLException {
        UUID id = Sql.uuid(rs, "id");
        List<PersonId> attendees = jdbc.sql("""
                SELECT a.person_id FROM meeting_series_attendee a JOIN person p ON p.id = a.person_id
                WHERE a.series_id = ? ORDER BY p.display_name""")
                .param(id).query((r, i) -> new PersonId(Sql.uuid(r, "person_id"))).list();
        List<TeamId> teams = jdbc.sql("SELECT team_id FROM meeting_series_team WHERE series_id = ?").param(id)
                .query((r, i) -> new TeamId(Sql.uuid(r, "team_id"))).list();
        Instant cancelled = Sql.instant(rs, "cancelled_at");
        return new Series(id, Sql.uuid(rs, "family_id"), rs.getString("title"),
                rs.getTimestamp("first_start").toLocalDateTime(), ZoneId.of(rs.getString("time_zone")),
                rs.getInt("duration_minutes"), rs.getString("rrule"), new PersonId(Sql.uuid(rs, "sponsor_id")),
                new PersonId(Sql.uuid(rs, "organizer_id")), rs.getString("topic"), rs.getString("end_goal"),
                rs.getString("ical_uid"), rs.getInt("sequence"), cancelled, Sql.instant(rs, "created_at"), attendees,
                teams);
    }
}
