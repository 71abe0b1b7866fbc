package org.smartketing.funnel.leads;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.Stage;
import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A lead's stage changes and touches: appended, never changed. */
@Repository
public class LeadHistory {

    public enum Channel { API, BATCH, WEB_FORM, MANUAL, DEMO, IMPORT }

    public record StageEvent(long id, Stage from, Stage to, String reason, UUID actorId, String actorLabel,
            Instant occurredAt) {
    }

    /** A stage change as the figures list it: the lead's source, campaign and owner at that moment. */
    public record Change(long id, LeadId lead, Stage from, Stage to, String reason, String source, UUID campaignId,
            UUID ownerId, UUID actorId, String actorLabel, Instant occurredAt) {
    }

    /** Which changes to list; null and empty mean any. */
    public record ChangeFilter(Instant from, Instant to, Set<Stage> stages, String source, UUID campaignId,
            UUID ownerId) {
    }

    /** Where a page of changes ended: the last one's time and id. */
    public record After(Instant occurredAt, long id) {
    }

    public record Touch(UUID id, Instant occurredAt, Channel channel, String source, UUID campaignId, String details) {
    }

    private final JdbcClient jdbc;
    private final StageEntries entries;

    LeadHistory(JdbcClient jdbc, StageEntries entries) {
        this.jdbc = jdbc;
        this.entries = entries;
    }

    /**
     * Writes the change and counts it in the stage entries rollup, in the caller's transaction.
     *
     * @param lead the lead whose source, campaign and owner the change is kept with (as they are
     *             at that moment: an MQL's before routing gives it an owner)
     */
    public void stageChanged(Lead lead, Stage from, Stage to, String reason, UUID actorId, String actorLabel,
            Instant at) {
        jdbc.sql("""
                INSERT INTO lead_stage_event (lead_id, from_stage, to_stage, reason, actor_id, actor_label, occurred_at,
                                              source, campaign_id, owner_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(lead.id().value(), from == null ? null : from.name(), to.name(), reason, actorId, actorLabel,
                        Sql.utc(at), lead.source(), lead.campaignId(), lead.ownerId())
                .update();
        entries.entered(StageEntries.Key.of(lead, to, at));
    }

    /** Changes in the filter's time, oldest first, after the cursor's (null: from the start), at most limit. */
    public List<Change> changes(ChangeFilter f, After after, int limit) {
        List<String> where = new ArrayList<>(List.of("occurred_at >= ?", "occurred_at < ?"));
        List<Object> args = new ArrayList<>(List.of(Sql.utc(f.from()), Sql.utc(f.to())));
        if (after != null) {
            where.add("(occurred_at > ? OR (occurred_at = ? AND id > ?))");
            args.addAll(List.of(Sql.utc(after.occurredAt()), Sql.utc(after.occurredAt()), after.id()));
        }
        Narrowing.narrow(where, args, "to_stage", f.stages(), f.source(), f.campaignId(), f.ownerId());
        args.add(limit);
        return jdbc.sql("SELECT * FROM lead_stage_event WHERE " + String.join(" AND ", where)
                        + " ORDER BY occurred_at, id LIMIT ?")
                .params(args)
                .query((rs, n) -> new Change(rs.getLong("id"), new LeadId(Sql.uuid(rs, "lead_id")),
                        stage(rs.getString("from_stage")), Stage.valueOf(rs.getString("to_stage")),
                        rs.getString("reason"), rs.getString("source"), Sql.uuid(rs, "campaign_id"),
                        Sql.uuid(rs, "owner_id"), Sql.uuid(rs, "actor_id"), rs.getString("actor_label"),
                        Sql.instant(rs, "occurred_at")))
                .list();
    }

    /** How many distinct leads entered the stage in [from, to). */
    public long leadsEntering(Stage stage, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT COUNT(DISTINCT lead_id) FROM lead_stage_event
                WHERE to_stage = ? AND occurred_at >= ? AND occurred_at < ?""")
                .params(stage.name(), Sql.utc(from), Sql.utc(to)).query(Long.class).single();
    }

    private static Stage stage(String name) {
        return name == null ? null : Stage.valueOf(name);
    }

    /** @return the touch's id */
    public UUID touched(LeadId lead, Channel channel, String source, UUID campaignId, String details, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO lead_touch (id, lead_id, occurred_at, channel, source, campaign_id, details)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, lead.value(), Sql.utc(at), channel.name(), source, campaignId, details)
                .update();
        return id;
    }

    public List<StageEvent> stageEvents(LeadId lead) {
        return jdbc.sql("SELECT * FROM lead_stage_event WHERE lead_id = ? ORDER BY id").param(lead.value())
                .query((rs, n) -> new StageEvent(rs.getLong("id"),
                        stage(rs.getString("from_stage")),
                        Stage.valueOf(rs.getString("to_stage")), rs.getString("reason"), Sql.uuid(rs, "actor_id"),
                        rs.getString("actor_label"), Sql.instant(rs, "occurred_at")))
                .list();
    }

    public List<Touch> touches(LeadId lead) {
        return jdbc.sql("SELECT * FROM lead_touch WHERE lead_id = ? ORDER BY occurred_at, id").param(lead.value())
                .query((rs, n) -> new Touch(Sql.uuid(rs, "id"), Sql.instant(rs, "occurred_at"),
                        Channel.valueOf(rs.getString("channel")), rs.getString("source"), Sql.uuid(rs, "campaign_id"),
                        rs.getString("details")))
                .list();
    }
}
