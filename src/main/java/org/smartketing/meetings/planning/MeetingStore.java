package org.smartketing.meetings.planning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.meetings.MeetingId;
import org.smartketing.meetings.SeriesId;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.Sql;
import org.smartketing.team.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The meeting table (one row per occurrence) and each meeting's agenda. */
@Repository
public class MeetingStore {

    public record AgendaPoint(UUID id, MeetingId meetingId, String text, PersonId presenterId, PersonId addedBy,
            Instant addedAt) {
    }

    private final JdbcClient jdbc;

    MeetingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Meeting m) {
        jdbc.sql("""
                INSERT INTO meeting (id, series_id, family_id, recurrence_id, starts_at, duration_minutes, topic,
                    end_goal, moved, status, step, step_started_at, started_at, closed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(m.id().value(), m.seriesId().value(), m.familyId().value(), Sql.utc(m.recurrenceId()),
                        Sql.utc(m.startsAt()), m.durationMinutes(), m.topic(), m.endGoal(), m.moved(),
                        m.status().name(), m.step() == null ? null : m.step().name(), Sql.utc(m.stepStartedAt()),
                        Sql.utc(m.startedAt()), Sql.utc(m.closedAt()))
                .update();
    }

    public void update(Meeting m) {
        jdbc.sql("""
                UPDATE meeting SET series_id = ?, recurrence_id = ?, starts_at = ?, duration_minutes = ?, topic = ?,
                    end_goal = ?, moved = ?, status = ?, step = ?, step_started_at = ?, started_at = ?, closed_at = ?
                WHERE id = ?""")
                .params(m.seriesId().value(), Sql.utc(m.recurrenceId()), Sql.utc(m.startsAt()), m.durationMinutes(),
                        m.topic(), m.endGoal(), m.moved(), m.status().name(), m.step() == null ? null : m.step().name(),
                        Sql.utc(m.stepStartedAt()), Sql.utc(m.startedAt()), Sql.utc(m.closedAt()), m.id().value())
                .update();
    }

    void delete(MeetingId id) {
        jdbc.sql("DELETE FROM meeting WHERE id = ?").param(id.value()).update();
    }

    public Optional<Meeting> byId(MeetingId id) {
        return jdbc.sql("SELECT * FROM meeting WHERE id = ?").param(id.value()).query(MeetingStore::row).optional();
    }

    public Meeting get(MeetingId id) {
        return byId(id).orElseThrow(() -> new NotFoundException("Meeting " + id));
    }

    public List<Meeting> ofSeries(SeriesId series) {
        return jdbc.sql("SELECT * FROM meeting WHERE series_id = ? ORDER BY recurrence_id").param(series.value())
                .query(MeetingStore::row).list();
    }

    public List<Meeting> ofFamily(SeriesId family) {
        return jdbc.sql("SELECT * FROM meeting WHERE family_id = ? ORDER BY starts_at").param(family.value())
                .query(MeetingStore::row).list();
    }

    /** The next meeting of the family after this one that is not cancelled. */
    public Optional<Meeting> nextAfter(Meeting m) {
        return jdbc.sql("""
                SELECT * FROM meeting WHERE family_id = ? AND starts_at > ? AND status <> 'CANCELLED'
                ORDER BY starts_at LIMIT 1""")
                .params(m.familyId().value(), Sql.utc(m.startsAt())).query(MeetingStore::row).optional();
    }

    /** Meetings someone takes part in (not cancelled), starting from {@code from}, soonest first. */
    public List<Meeting> upcomingFor(PersonId person, Instant from, int limit) {
        return jdbc.sql("""
                SELECT m.* FROM meeting m JOIN meeting_series s ON s.id = m.series_id
                WHERE m.status <> 'CANCELLED' AND (m.starts_at >= ? OR m.status = 'RUNNING')
                  AND (s.sponsor_id = ? OR s.organizer_id = ? OR EXISTS (SELECT 1 FROM meeting_series_attendee a
                       WHERE a.series_id = s.id AND a.person_id = ?))
                ORDER BY m.starts_at LIMIT ?""")
                .params(Sql.utc(from), person.value(), person.value(), person.value(), limit)
                .query(MeetingStore::row).list();
    }

    public List<Meeting> closed() {
        return jdbc.sql("SELECT * FROM meeting WHERE status = 'CLOSED' ORDER BY starts_at").query(MeetingStore::row)
                .list();
    }

    boolean hasAgenda(MeetingId meeting) {
        return jdbc.sql("SELECT COUNT(*) FROM meeting_agenda_point WHERE meeting_id = ?").param(meeting.value())
                .query(Long.class).single() > 0;
    }

    void addPoint(AgendaPoint p) {
        jdbc.sql("""
                INSERT INTO meeting_agenda_point (id, meeting_id, text, presenter_id, added_by, added_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(p.id(), p.meetingId().value(), p.text(), p.presenterId().value(), p.addedBy().value(),
                        Sql.utc(p.addedAt()))
                .update();
    }

    public List<AgendaPoint> agenda(MeetingId meeting) {
        return jdbc.sql("SELECT * FROM meeting_agenda_point WHERE meeting_id = ? ORDER BY added_at, id")
                .param(meeting.value())
                .query((rs, n) -> new AgendaPoint(Sql.uuid(rs, "id"), new MeetingId(Sql.uuid(rs, "meeting_id")),
                        rs.getString("text"),
                        new PersonId(Sql.uuid(rs, "presenter_id")), new PersonId(Sql.uuid(rs, "added_by")),
                        Sql.instant(rs, "added_at")))
                .list();
    }

    /** The one place a meeting row is read. */
    private static Meeting row(ResultSet rs, int n) throws SQLException {
        String step = rs.getString("step");
        return new Meeting(new MeetingId(Sql.uuid(rs, "id")), new SeriesId(Sql.uuid(rs, "series_id")),
                new SeriesId(Sql.uuid(rs, "family_id")),
                new Meeting.Timing(Sql.instant(rs, "recurrence_id"), Sql.instant(rs, "starts_at"),
                        rs.getInt("duration_minutes"), rs.getBoolean("moved")),
                new Purpose(rs.getString("topic"), rs.getString("end_goal")),
                Meeting.Status.valueOf(rs.getString("status")),
                new Meeting.Run(step == null ? null : Meeting.Step.valueOf(step), Sql.instant(rs, "step_started_at"),
                        Sql.instant(rs, "started_at"), Sql.instant(rs, "closed_at")),
                List.of());
    }
}
