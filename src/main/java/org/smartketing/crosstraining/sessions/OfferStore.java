package org.smartketing.crosstraining.sessions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.activity.ActivityType;
import org.smartketing.crosstraining.AskId;
import org.smartketing.crosstraining.OfferId;
import org.smartketing.crosstraining.SessionId;
import org.smartketing.shared.Sql;
import org.smartketing.team.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Offers of seats and asks to see. */
@Repository
public class OfferStore {

    private final JdbcClient jdbc;

    OfferStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Offer o) {
        jdbc.sql("""
                INSERT INTO crosstraining_offer (id, host_id, title, starts_at, duration_minutes, zone, work_kind, work_id,
                    work_type, work_title, seats, seats_taken, status, session_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(o.id().value(), o.hostId().value(), o.title(), Sql.utc(o.startsAt()), o.durationMinutes(),
                        o.zone().getId(), o.work().kind(), o.work().id(), o.work().type(), o.work().title(), o.seats(),
                        o.seatsTaken(), o.status().name(), o.sessionId() == null ? null : o.sessionId().value(),
                        Sql.utc(o.createdAt()))
                .update();
    }

    public Optional<Offer> byId(OfferId id) {
        return jdbc.sql("SELECT * FROM crosstraining_offer WHERE id = ?").param(id.value()).query(OfferStore::offer)
                .optional();
    }

    /**
     * Takes one seat, if one is left: a guarded UPDATE, so of two bookings of the last seat at once
     * exactly one changes the row (the other waits on its lock, then finds no seat) — also across nodes.
     */
    boolean takeSeat(OfferId id) {
        return jdbc.sql("""
                UPDATE crosstraining_offer SET seats_taken = seats_taken + 1,
                    status = CASE WHEN seats_taken + 1 >= seats THEN 'FULL' ELSE status END
                WHERE id = ? AND status = 'OPEN' AND seats_taken < seats""").param(id.value()).update() == 1;
    }

    void madeSession(OfferId offer, SessionId session) {
        jdbc.sql("UPDATE crosstraining_offer SET session_id = ? WHERE id = ?").params(session.value(), offer.value())
                .update();
    }

    void withdraw(OfferId id) {
        jdbc.sql("UPDATE crosstraining_offer SET status = 'WITHDRAWN' WHERE id = ? AND status <> 'WITHDRAWN'")
                .param(id.value()).update();
    }

    /** Offers with a seat left that have not started, soonest first. */
    public List<Offer> open(Instant now) {
        return jdbc.sql("""
                SELECT * FROM crosstraining_offer WHERE status = 'OPEN' AND seats_taken < seats AND starts_at > ?
                ORDER BY starts_at, id""").param(Sql.utc(now)).query(OfferStore::offer).list();
    }

    public List<Offer> hostedBy(PersonId host) {
        return jdbc.sql("SELECT * FROM crosstraining_offer WHERE host_id = ? ORDER BY starts_at DESC")
                .param(host.value()).query(OfferStore::offer).list();
    }

    private static Offer offer(ResultSet rs, int n) throws SQLException {
        UUID session = Sql.uuid(rs, "session_id");
        return new Offer(new OfferId(Sql.uuid(rs, "id")), new PersonId(Sql.uuid(rs, "host_id")), rs.getString("title"),
                Sql.instant(rs, "starts_at"), rs.getInt("duration_minutes"), ZoneId.of(rs.getString("zone")),
                new Work(rs.getString("work_kind"), Sql.uuid(rs, "work_id"), rs.getString("work_type"),
                        rs.getString("work_title")),
                rs.getInt("seats"), rs.getInt("seats_taken"), Offer.Status.valueOf(rs.getString("status")),
                session == null ? null : new SessionId(session), Sql.instant(rs, "created_at"));
    }

    void insert(Ask a) {
        jdbc.sql("""
                INSERT INTO crosstraining_ask (id, learner_id, wants, job_role, activity_type, status, session_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id().value(), a.learnerId().value(), a.wants(), a.jobRole(),
                        a.activityType() == null ? null : a.activityType().name(), a.status().name(), null,
                        Sql.utc(a.createdAt()))
                .update();
    }

    public Optional<Ask> ask(AskId id) {
        return jdbc.sql("SELECT * FROM crosstraining_ask WHERE id = ?").param(id.value()).query(OfferStore::ask).optional();
    }

    /** Closes an open ask with the session it was matched to; false when it was no longer open. */
    boolean matched(AskId id, SessionId session) {
        return jdbc.sql("UPDATE crosstraining_ask SET status = 'MATCHED', session_id = ? WHERE id = ? AND status = 'OPEN'")
                .params(session.value(), id.value()).update() == 1;
    }

    void withdraw(AskId id) {
        jdbc.sql("UPDATE crosstraining_ask SET status = 'WITHDRAWN' WHERE id = ? AND status = 'OPEN'").param(id.value())
                .update();
    }

    public List<Ask> openAsks() {
        return jdbc.sql("SELECT * FROM crosstraining_ask WHERE status = 'OPEN' ORDER BY created_at, id")
                .query(OfferStore::ask).list();
    }

    public List<Ask> asksOf(PersonId learner) {
        return jdbc.sql("SELECT * FROM crosstraining_ask WHERE learner_id = ? ORDER BY created_at DESC")
                .param(learner.value()).query(OfferStore::ask).list();
    }

    private static Ask ask(ResultSet rs, int n) throws SQLException {
        String type = rs.getString("activity_type");
        UUID session = Sql.uuid(rs, "session_id");
        return new Ask(new AskId(Sql.uuid(rs, "id")), new PersonId(Sql.uuid(rs, "learner_id")), rs.getString("wants"),
                rs.getString("job_role"), type == null ? null : ActivityType.valueOf(type),
                Ask.Status.valueOf(rs.getString("status")), session == null ? null : new SessionId(session),
                Sql.instant(rs, "created_at"));
    }
}
