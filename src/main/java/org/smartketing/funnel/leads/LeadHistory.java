package org.smartketing.funnel.leads;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.Stage;
import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A lead's stage changes and touches: appended, never changed. */
@Repository
public class LeadHistory {

    public enum Channel { API, BATCH, WEB_FORM, MANUAL, DEMO }

    public record StageEvent(long id, Stage from, Stage to, String reason, UUID actorId, String actorLabel,
            Instant occurredAt) {
    }

    public record Touch(UUID id, Instant occurredAt, Channel channel, String source, UUID campaignId, String details) {
    }

    private final JdbcClient jdbc;

    LeadHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void stageChanged(LeadId lead, Stage from, Stage to, String reason, UUID actorId, String actorLabel,
            Instant at) {
        jdbc.sql("""
                INSERT INTO lead_stage_event (lead_id, from_stage, to_stage, reason, actor_id, actor_label, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(lead.value(), from == null ? null : from.name(), to.name(), reason, actorId, actorLabel,
                        Sql.utc(at))
                .update();
    }

    public void touched(LeadId lead, Channel channel, String source, UUID campaignId, String details, Instant at) {
        jdbc.sql("""
                INSERT INTO lead_touch (id, lead_id, occurred_at, channel, source, campaign_id, details)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), lead.value(), Sql.utc(at), channel.name(), source, campaignId, details)
                .update();
    }

    public List<StageEvent> stageEvents(LeadId lead) {
        return jdbc.sql("SELECT * FROM lead_stage_event WHERE lead_id = ? ORDER BY id").param(lead.value())
                .query((rs, n) -> new StageEvent(rs.getLong("id"),
                        rs.getString("from_stage") == null ? null : Stage.valueOf(rs.getString("from_stage")),
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
