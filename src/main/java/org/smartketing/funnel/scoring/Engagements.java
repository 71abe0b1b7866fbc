package org.smartketing.funnel.scoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.smartketing.funnel.LeadId;
import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every engagement of every lead, kept so a score can be recomputed with decay at any moment. */
@Repository
public class Engagements {

    public record Engagement(UUID id, LeadId leadId, String activityType, Instant occurredAt) {
    }

    private final JdbcClient jdbc;

    Engagements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Engagement add(LeadId lead, String activityType, Instant occurredAt, Instant recordedAt) {
        Engagement e = new Engagement(UUID.randomUUID(), lead, activityType, occurredAt);
        jdbc.sql("""
                INSERT INTO lead_engagement (id, lead_id, activity_type, occurred_at, recorded_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(e.id(), lead.value(), activityType, Sql.utc(occurredAt), Sql.utc(recordedAt))
                .update();
        return e;
    }

    /** Every engagement of each lead given, oldest first (a lead without any is absent). */
    public Map<LeadId, List<Engagement>> of(List<LeadId> leads) {
        Map<LeadId, List<Engagement>> of = new HashMap<>();
        if (leads.isEmpty()) {
            return of;
        }
        jdbc.sql("SELECT * FROM lead_engagement WHERE lead_id IN (:leads) ORDER BY occurred_at, id")
                .param("leads", leads.stream().map(LeadId::value).toList())
                .query((rs, n) -> new Engagement(Sql.uuid(rs, "id"), new LeadId(Sql.uuid(rs, "lead_id")),
                        rs.getString("activity_type"), Sql.instant(rs, "occurred_at")))
                .list().forEach(e -> of.computeIfAbsent(e.leadId(), id -> new ArrayList<>()).add(e));
        return of;
    }

    public List<Engagement> of(LeadId lead) {
        return jdbc.sql("SELECT * FROM lead_engagement WHERE lead_id = ? ORDER BY occurred_at, id").param(lead.value())
                .query((rs, n) -> new Engagement(Sql.uuid(rs, "id"), lead, rs.getString("activity_type"),
                        Sql.instant(rs, "occurred_at")))
                .list();
    }
}
