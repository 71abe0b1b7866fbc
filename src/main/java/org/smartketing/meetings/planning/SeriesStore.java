package org.smartketing.meetings.planning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.meetings.SeriesId;
import org.smartketing.shared.Sql;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.smartketing.team.TeamId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The meeting_series tables. */
@Repository
public class SeriesStore {

    private final JdbcClient jdbc;
    private final TeamDirectory directory;

    SeriesStore(JdbcClient jdbc, TeamDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    void insert(Series s) {
        jdbc.sql("""
                INSERT INTO meeting_series (id, family_id, title, first_start, time_zone, duration_minutes, rrule,
                    sponsor_id, organizer_id, topic, end_goal, ical_uid, sequence, cancelled_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id().value(), s.familyId().value(), s.title(), Timestamp.valueOf(s.firstStart()),
                        s.zone().getId(), s.durationMinutes(), s.rrule(), s.sponsorId().value(),
                        s.organizerId().value(), s.topic(), s.endGoal(), s.icalUid(), s.sequence(),
                        Sql.utc(s.cancelledAt()), Sql.utc(s.createdAt()))
                .update();
        writeAttendees(s);
    }

    void update(Series s) {
        jdbc.sql("""
                UPDATE meeting_series SET title = ?, first_start = ?, time_zone = ?, duration_minutes = ?, rrule = ?,
                    sponsor_id = ?, topic = ?, end_goal = ?, sequence = ?, cancelled_at = ? WHERE id = ?""")
                .params(s.title(), Timestamp.valueOf(s.firstStart()), s.zone().getId(), s.durationMinutes(), s.rrule(),
                        s.sponsorId().value(), s.topic(), s.endGoal(), s.sequence(), Sql.utc(s.cancelledAt()),
                        s.id().value())
                .update();
        jdbc.sql("DELETE FROM meeting_series_attendee WHERE series_id = ?").param(s.id().value()).update();
        jdbc.sql("DELETE FROM meeting_series_team WHERE series_id = ?").param(s.id().value()).update();
        writeAttendees(s);
    }

    private void writeAttendees(Series s) {
        s.attendees().forEach(p -> jdbc.sql("INSERT INTO meeting_series_attendee (series_id, person_id) VALUES (?, ?)")
                .params(s.id().value(), p.value()).update());
        s.teams().forEach(t -> jdbc.sql("INSERT INTO meeting_series_team (series_id, team_id) VALUES (?, ?)")
                .params(s.id().value(), t.value()).update());
    }

    public Optional<Series> byId(SeriesId id) {
        return jdbc.sql("SELECT * FROM meeting_series WHERE id = ?").param(id.value()).query(this::row).optional();
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

    public List<Series> ofFamily(SeriesId family) {
        return jdbc.sql("SELECT * FROM meeting_series WHERE family_id = ? ORDER BY first_start").param(family.value())
                .query(this::row).list();
    }

    /** Attendees in the order of their names, which the team part knows (one lookup for all). */
    private List<PersonId> byName(List<PersonId> attendees) {
        if (attendees.isEmpty()) {
            return attendees;
        }
        Map<PersonId, PersonSummary> people = directory.people(attendees);
        return attendees.stream().filter(people::containsKey)
                .sorted(Comparator.comparing(p -> people.get(p).displayName())).toList();
    }

    /** The one place a series row (with its attendees and teams) is read. */
    private Series row(ResultSet rs, int n) throws SQLException {
        UUID id = Sql.uuid(rs, "id");
        List<PersonId> attendees = byName(jdbc.sql("SELECT person_id FROM meeting_series_attendee WHERE series_id = ?")
                .param(id).query((r, i) -> new PersonId(Sql.uuid(r, "person_id"))).list());
        List<TeamId> teams = jdbc.sql("SELECT team_id FROM meeting_series_team WHERE series_id = ?").param(id)
                .query((r, i) -> new TeamId(Sql.uuid(r, "team_id"))).list();
        Series.Terms terms = new Series.Terms(rs.getString("title"),
                new Series.Schedule(rs.getTimestamp("first_start").toLocalDateTime(),
                        ZoneId.of(rs.getString("time_zone")), rs.getInt("duration_minutes"), rs.getString("rrule")),
                new Series.Invitees(new PersonId(Sql.uuid(rs, "sponsor_id")), attendees, teams),
                new Purpose(rs.getString("topic"), rs.getString("end_goal")));
        return new Series(new SeriesId(id), new SeriesId(Sql.uuid(rs, "family_id")),
                new PersonId(Sql.uuid(rs, "organizer_id")), terms, rs.getString("ical_uid"), rs.getInt("sequence"),
                Sql.instant(rs, "cancelled_at"), Sql.instant(rs, "created_at"));
    }
}
