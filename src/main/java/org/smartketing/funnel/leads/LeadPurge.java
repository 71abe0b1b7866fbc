package org.smartketing.funnel.leads;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.smartketing.funnel.LeadId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Erases a removed lead for good, with what the funnel keeps of it (touches, stage history,
 * engagements, routing decisions, handoff clocks, merges) and the tombstones of leads merged into it.
 * The stage entries rollup keeps its anonymous counts.
 */
@Repository
public class LeadPurge {

    private static final List<String> BY_LEAD = List.of("lead_engagement", "lead_routing", "lead_sla_clock",
            "lead_touch", "lead_stage_event", "lead_external_id");

    private final JdbcClient jdbc;

    LeadPurge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void purge(LeadId id) {
        List<UUID> ids = new ArrayList<>(List.of(id.value()));
        ids.addAll(jdbc.sql("SELECT id FROM lead WHERE merged_into = ? AND deleted_at IS NOT NULL").param(id.value())
                .query(UUID.class).list());
        jdbc.sql("DELETE FROM lead_merge WHERE survivor_id IN (:ids) OR merged_id IN (:ids)").param("ids", ids).update();
        jdbc.sql("DELETE FROM lead_duplicate_dismissal WHERE lead_a IN (:ids) OR lead_b IN (:ids)").param("ids", ids)
                .update();
        BY_LEAD.forEach(table -> jdbc.sql("DELETE FROM " + table + " WHERE lead_id IN (:ids)").param("ids", ids).update());
        jdbc.sql("DELETE FROM lead WHERE id IN (:ids)").param("ids", ids).update();
    }
}
