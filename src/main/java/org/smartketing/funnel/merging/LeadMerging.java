package org.smartketing.funnel.merging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.activity.ActivityId;
import org.smartketing.activity.ActivityLog;
import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.intake.LeadEditing;
import org.smartketing.funnel.intake.LeadRemoval;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.shared.Sql;
import org.smartketing.team.Actor;
import org.smartketing.team.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Merges two leads that are one person: the survivor keeps the value chosen per field and takes
 * over the other's touches, stage history, engagements, activities and external ids; the other
 * stays as a tombstone pointing at the survivor. The latest merge into a lead can be undone for
 * {@link LeadRemoval#UNDO_WINDOW}, which puts both leads back exactly as they were.
 */
@Service
@Transactional
public class LeadMerging {

    /** A merge into a lead: when and from which lead, and until when it may be undone. */
    public record Merge(UUID id, LeadId survivor, LeadId merged, Instant mergedAt, Instant undoableUntil) {
    }

    /** What a merge moved from the merged lead to the survivor, by row id, so that an undo moves exactly that back. */
    record Moved(List<UUID> touches, List<Long> stageEvents, List<UUID> engagements, List<UUID> activities) {
    }

    private final Leads leads;
    private final LeadEditing editing;
    private final ActivityLog activities;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    LeadMerging(Leads leads, LeadEditing editing, ActivityLog activities, AuditLog audit, JdbcClient jdbc,
            JsonMapper json, Clock clock) {
        this.leads = leads;
        this.editing = editing;
        this.activities = activities;
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The fields the two leads differ in, with the value a merge keeps unless told otherwise. */
    @Transactional(readOnly = true)
    public List<MergeFields.Difference> differences(LeadId id, LeadId otherId) {
        return MergeFields.differences(find(id, "id"), find(otherId, "otherId"));
    }

    /**
     * Merges the other lead into this one.
     *
     * @param keep per field ({@code email}, {@code custom.fleet}, ...) {@code this} or {@code other}
     * @return the survivor as stored
     * @throws InvalidFieldException naming {@code otherId} for the lead itself, {@code keep.<field>} for an unknown field
     * @throws NotFoundException when either lead is not in the lists
     */
    public Lead merge(LeadId id, LeadId otherId, Map<String, String> keep) {
        if (otherId == null) {
            throw new InvalidFieldException("otherId", "is required: the lead to merge into this one");
        }
        if (id.equals(otherId)) {
            throw new InvalidFieldException("otherId", "is this lead itself");
        }
        Map<String, MergeFields.Side> sides = MergeFields.parse(keep);
        Lead mine = find(id, "id");
        Lead theirs = find(otherId, "otherId");
        Instant now = clock.instant();
        Moved moved = move(otherId, id);
        // the other lead lets go of its email, phone and ids first, so the survivor may take them
        leads.remove(otherId, now, id);
        Lead after = editing.apply(mine, MergeFields.merged(mine, theirs, sides));
        UUID owner = MergeFields.owner(mine, theirs, sides);
        if (!java.util.Objects.equals(owner, after.ownerId())) {
            editing.reassign(id, owner);
        }
        // as stored now: scoring may have moved the survivor on (and routing given it an owner)
        after = leads.byId(id).orElseThrow();
        jdbc.sql("""
                INSERT INTO lead_merge (id, survivor_id, merged_id, survivor_before, merged_before, survivor_version,
                    moved, merged_by, merged_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), id.value(), otherId.value(), json.writeValueAsString(mine),
                        json.writeValueAsString(theirs), after.version(), json.writeValueAsString(moved),
                        personId(), Sql.utc(now))
                .update();
        audit.record("lead", id, "merged", Map.of("merged", otherId.toString()), Map.of("survivor", id.toString(),
                "touches", moved.touches().size(), "activities", moved.activities().size()));
        return after;
    }

    /** The latest merge into the lead that may still be undone. */
    @Transactional(readOnly = true)
    public Optional<Merge> undoable(LeadId survivor) {
        return latest(survivor).map(row -> row.merge);
    }

    /**
     * Undoes the latest merge into the lead: both leads as they were before it, the moved rows back
     * on the merged lead.
     *
     * @return the lead merged away, back in the lists
     * @throws RuleViolationException when there is no merge to undo, or the survivor was changed since
     */
    public Lead undo(LeadId survivor) {
        Row row = latest(survivor).orElseThrow(() -> new RuleViolationException(
                "There is no merge into this lead to undo (a merge can be undone for 7 days)."));
        Lead now = leads.byId(survivor).orElseThrow(() -> new RuleViolationException(
                "This lead was deleted after the merge; restore it first."));
        if (now.version() != row.survivorVersion) {
            throw new RuleViolationException("This lead was changed after the merge; undoing it would lose that change.");
        }
        Lead mine = json.readValue(row.survivorBefore, Lead.class);
        Lead theirs = json.readValue(row.mergedBefore, Lead.class);
        Moved moved = json.readValue(row.moved, Moved.class);
        Instant at = clock.instant();
        leads.putBackAsItWas(mine, at);
        Lead back = leads.putBackAsItWas(theirs, at);
        moveBack(moved, row.merge.merged());
        jdbc.sql("UPDATE lead_merge SET undone_at = ? WHERE id = ?").params(Sql.utc(at), row.merge.id()).update();
        audit.record("lead", survivor, "merge-undone", Map.of("merged", row.merge.merged().toString()), null);
        return back;
    }

    private Moved move(LeadId from, LeadId to) {
        List<UUID> touches = jdbc.sql("SELECT id FROM lead_touch WHERE lead_id = ?").param(from.value()).query(UUID.class).list();
        List<Long> events = jdbc.sql("SELECT id FROM lead_stage_event WHERE lead_id = ?").param(from.value())
                .query(Long.class).list();
        List<UUID> engagements = jdbc.sql("SELECT id FROM lead_engagement WHERE lead_id = ?").param(from.value())
                .query(UUID.class).list();
        for (String table : List.of("lead_touch", "lead_stage_event", "lead_engagement")) {
            jdbc.sql("UPDATE " + table + " SET lead_id = ? WHERE lead_id = ?").params(to.value(), from.value()).update();
        }
        List<UUID> moved = activities.moveLeadActivities(from.value(), to.value()).stream().map(ActivityId::value).toList();
        return new Moved(touches, events, engagements, moved);
    }

    private void moveBack(Moved moved, LeadId to) {
        relink("lead_touch", moved.touches(), to);
        relink("lead_stage_event", moved.stageEvents(), to);
        relink("lead_engagement", moved.engagements(), to);
        activities.moveToLead(moved.activities().stream().map(ActivityId::new).toList(), to.value());
    }

    private void relink(String table, List<?> ids, LeadId to) {
        if (!ids.isEmpty()) {
            jdbc.sql("UPDATE " + table + " SET lead_id = :lead WHERE id IN (:ids)").param("lead", to.value())
                    .param("ids", ids).update();
        }
    }

    private record Row(Merge merge, String survivorBefore, String mergedBefore, int survivorVersion, String moved) {
    }

    private Optional<Row> latest(LeadId survivor) {
        return jdbc.sql("""
                SELECT * FROM lead_merge WHERE survivor_id = ? AND undone_at IS NULL AND merged_at > ?
                ORDER BY merged_at DESC LIMIT 1""")
                .params(survivor.value(), Sql.utc(clock.instant().minus(LeadRemoval.UNDO_WINDOW)))
                .query((rs, n) -> {
                    Instant at = Sql.instant(rs, "merged_at");
                    return new Row(new Merge(Sql.uuid(rs, "id"), survivor, new LeadId(Sql.uuid(rs, "merged_id")), at,
                            at.plus(LeadRemoval.UNDO_WINDOW)), rs.getString("survivor_before"),
                            rs.getString("merged_before"), rs.getInt("survivor_version"), rs.getString("moved"));
                })
                .optional()
                // a later merge of the merged lead elsewhere, or its purge, leaves nothing to put back
                .filter(row -> leads.removed(row.merge.merged()).filter(r -> survivor.equals(r.mergedInto())).isPresent());
    }

    private Lead find(LeadId id, String field) {
        return leads.byId(id).orElseThrow(() -> "id".equals(field) ? new NotFoundException("Lead " + id)
                : new InvalidFieldException(field, "there is no lead with this id"));
    }

    private static UUID personId() {
        Actor actor = Actor.current();
        return actor.personId() == null ? null : actor.personId().value();
    }
}
