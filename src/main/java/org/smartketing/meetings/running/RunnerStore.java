package org.smartketing.meetings.running;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.meetings.ActionItemId;
import org.smartketing.meetings.MeetingId;
import org.smartketing.meetings.SeriesId;
import org.smartketing.shared.Sql;
import org.smartketing.team.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Ideas, action items, their follow-up reviews, commitments and ratings. */
@Repository
public class RunnerStore {

    public record Idea(UUID id, MeetingId meetingId, String text, PersonId authorId, Instant createdAt) {
    }

    public record Commitment(MeetingId meetingId, PersonId personId, String action, Instant committedAt) {
    }

    public record Rating(MeetingId meetingId, PersonId personId, int rating, Instant ratedAt) {
    }

    private final JdbcClient jdbc;

    RunnerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void addIdea(Idea idea) {
        jdbc.sql("INSERT INTO meeting_idea (id, meeting_id, text, author_id, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(idea.id(), idea.meetingId().value(), idea.text(), idea.authorId().value(),
                        Sql.utc(idea.createdAt()))
                .update();
    }

    public List<Idea> ideas(MeetingId meeting) {
        return jdbc.sql("SELECT * FROM meeting_idea WHERE meeting_id = ? ORDER BY created_at, id")
                .param(meeting.value()).query(RunnerStore::idea).list();
    }

    Optional<Idea> idea(UUID id) {
        return jdbc.sql("SELECT * FROM meeting_idea WHERE id = ?").param(id).query(RunnerStore::idea).optional();
    }

    private static Idea idea(ResultSet rs, int n) throws SQLException {
        return new Idea(Sql.uuid(rs, "id"), new MeetingId(Sql.uuid(rs, "meeting_id")), rs.getString("text"),
                new PersonId(Sql.uuid(rs, "author_id")), Sql.instant(rs, "created_at"));
    }

    void addItem(ActionItem i) {
        jdbc.sql("""
                INSERT INTO action_item (id, meeting_id, family_id, text, owner_id, author_id, first_due_on, due_on,
                    link_kind, link_id, idea_id, status, reason, done_on, created_at, source_title, source_path,
                    followed_up_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(i.id().value(), i.meetingId() == null ? null : i.meetingId().value(),
                        i.familyId() == null ? null : i.familyId().value(), i.text(), i.ownerId().value(),
                        i.authorId().value(),
                        Date.valueOf(i.firstDueOn()), Date.valueOf(i.dueOn()), i.linkKind(), i.linkId(), i.ideaId(),
                        i.status().name(), i.reason(), i.doneOn() == null ? null : Date.valueOf(i.doneOn()),
                        Sql.utc(i.createdAt()), i.source() == null ? null : i.source().title(),
                        i.source() == null ? null : i.source().path(),
                        i.source() == null || i.source().followedUpBy() == null ? null : i.source().followedUpBy().value())
                .update();
    }

    /** Saves what a follow-up changed: the due date and where the item stands. */
    void updateItem(ActionItem i) {
        jdbc.sql("UPDATE action_item SET due_on = ?, status = ?, reason = ?, done_on = ? WHERE id = ?")
                .params(Date.valueOf(i.dueOn()), i.status().name(), i.reason(),
                        i.doneOn() == null ? null : Date.valueOf(i.doneOn()), i.id().value())
                .update();
    }

    void review(ActionItemId item, MeetingId meeting, ActionItem.Outcome outcome, LocalDate newDue, String reason,
            PersonId by, Instant at) {
        jdbc.sql("""
                INSERT INTO action_item_review (id, item_id, meeting_id, outcome, new_due_on, reason, reviewed_by, reviewed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), item.value(), meeting == null ? null : meeting.value(), outcome.name(),
                        newDue == null ? null : Date.valueOf(newDue), reason,
                        by.value(), Sql.utc(at))
                .update();
    }

    public Optional<ActionItem> item(ActionItemId id) {
        return jdbc.sql("SELECT * FROM action_item WHERE id = ?").param(id.value()).query(RunnerStore::item).optional();
    }

    public List<ActionItem> itemsOf(MeetingId meeting) {
        return jdbc.sql("SELECT * FROM action_item WHERE meeting_id = ? ORDER BY created_at, id").param(meeting.value())
                .query(RunnerStore::item).list();
    }

    /** Items still open from meetings of the family that started before {@code before}, soonest due first. */
    public List<ActionItem> openBefore(SeriesId family, Instant before) {
        return jdbc.sql("""
                SELECT i.* FROM action_item i JOIN meeting m ON m.id = i.meeting_id
                WHERE i.family_id = ? AND i.status = 'OPEN' AND m.starts_at < ?
                ORDER BY i.due_on, i.created_at""")
                .params(family.value(), Sql.utc(before)).query(RunnerStore::item).list();
    }

    /** Items reviewed during a meeting (so its follow-up still shows what was decided). */
    public List<ActionItem> reviewedIn(MeetingId meeting) {
        return jdbc.sql("""
                SELECT DISTINCT i.* FROM action_item i JOIN action_item_review r ON r.item_id = i.id
                WHERE r.meeting_id = ? AND i.status <> 'OPEN' ORDER BY i.due_on""")
                .param(meeting.value()).query(RunnerStore::item).list();
    }

    public List<ActionItem> ownedBy(PersonId owner, boolean openOnly) {
        return jdbc.sql("SELECT * FROM action_item WHERE owner_id = ?" + (openOnly ? " AND status = 'OPEN'" : "")
                + " ORDER BY CASE WHEN status = 'OPEN' THEN 0 ELSE 1 END, due_on, created_at")
                .param(owner.value()).query(RunnerStore::item).list();
    }

    public List<ActionItem> allItems() {
        return jdbc.sql("SELECT * FROM action_item ORDER BY created_at").query(RunnerStore::item).list();
    }

    /** Marks a job as fired for the item's due date; false when it already fired (or the date moved). */
    boolean markFired(ActionItemId item, String column, LocalDate due) {
        return jdbc.sql("UPDATE action_item SET " + column + " = ? WHERE id = ? AND due_on = ? AND status = 'OPEN' AND ("
                + column + " IS NULL OR " + column + " <> ?)")
                .params(Date.valueOf(due), item.value(), Date.valueOf(due), Date.valueOf(due)).update() == 1;
    }

    void commit(Commitment c) {
        jdbc.sql("INSERT INTO meeting_commitment (meeting_id, person_id, action, committed_at) VALUES (?, ?, ?, ?)")
                .params(c.meetingId().value(), c.personId().value(), c.action(), Sql.utc(c.committedAt())).update();
    }

    public List<Commitment> commitments(MeetingId meeting) {
        return jdbc.sql("SELECT * FROM meeting_commitment WHERE meeting_id = ? ORDER BY committed_at")
                .param(meeting.value())
                .query((rs, n) -> new Commitment(new MeetingId(Sql.uuid(rs, "meeting_id")),
                        new PersonId(Sql.uuid(rs, "person_id")),
                        rs.getString("action"), Sql.instant(rs, "committed_at")))
                .list();
    }

    void rate(Rating r) {
        int changed = jdbc.sql("UPDATE meeting_rating SET rating = ?, rated_at = ? WHERE meeting_id = ? AND person_id = ?")
                .params(r.rating(), Sql.utc(r.ratedAt()), r.meetingId().value(), r.personId().value()).update();
        if (changed == 0) {
            jdbc.sql("INSERT INTO meeting_rating (meeting_id, person_id, rating, rated_at) VALUES (?, ?, ?, ?)")
                    .params(r.meetingId().value(), r.personId().value(), r.rating(), Sql.utc(r.ratedAt())).update();
        }
    }

    public List<Rating> ratings(MeetingId meeting) {
        return jdbc.sql("SELECT * FROM meeting_rating WHERE meeting_id = ?").param(meeting.value())
                .query((rs, n) -> new Rating(new MeetingId(Sql.uuid(rs, "meeting_id")),
                        new PersonId(Sql.uuid(rs, "person_id")),
                        rs.getInt("rating"), Sql.instant(rs, "rated_at")))
                .list();
    }

    /** Did the author commit to their plan in the item's meeting? */
    public boolean committed(ActionItem item) {
        return item.meetingId() != null && jdbc.sql("SELECT COUNT(*) FROM meeting_commitment WHERE meeting_id = ? AND person_id = ?")
                .params(item.meetingId().value(), item.authorId().value()).query(Long.class).single() > 0;
    }

    /** The one place an action item row is read. */
    private static ActionItem item(ResultSet rs, int n) throws SQLException {
        Date done = rs.getDate("done_on");
        String linkKind = rs.getString("link_kind");
        UUID meeting = Sql.uuid(rs, "meeting_id");
        UUID family = Sql.uuid(rs, "family_id");
        String sourceTitle = rs.getString("source_title");
        UUID followedUpBy = Sql.uuid(rs, "followed_up_by");
        ActionItem.Source source = sourceTitle == null ? null : new ActionItem.Source(sourceTitle,
                rs.getString("source_path"), followedUpBy == null ? null : new PersonId(followedUpBy));
        ActionItem.Origin origin = new ActionItem.Origin(meeting == null ? null : new MeetingId(meeting),
                family == null ? null : new SeriesId(family), new PersonId(Sql.uuid(rs, "author_id")),
                Sql.uuid(rs, "idea_id"), Sql.instant(rs, "created_at"), source);
        ActionItem.State state = new ActionItem.State(ActionItem.Status.valueOf(rs.getString("status")),
                rs.getDate("due_on").toLocalDate(), rs.getString("reason"), done == null ? null : done.toLocalDate());
        return new ActionItem(new ActionItemId(Sql.uuid(rs, "id")), origin, rs.getString("text"),
                new PersonId(Sql.uuid(rs, "owner_id")), rs.getDate("first_due_on").toLocalDate(),
                linkKind == null ? null : new ActionItem.Link(linkKind, Sql.uuid(rs, "link_id")), state, List.of());
    }
}
