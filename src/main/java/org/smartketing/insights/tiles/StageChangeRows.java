package org.smartketing.insights.tiles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.smartketing.funnel.Stage;
import org.smartketing.insights.InsightFilter;
import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads insights' stage change rollup for a filter: the changes on the filter's days (in its zone)
 * of leads with its source and campaign at that moment, owned then by its team's people (a team
 * filter leaves out changes of leads without an owner), each with when the lead entered the stage
 * it left.
 */
@Component
public class StageChangeRows {

    /** One change; {@code enteredFromAt} null when the rollup has no earlier change of the lead. */
    public record Row(UUID lead, Instant at, Stage from, Stage to, String reason, String source, UUID campaign,
            UUID owner, Instant enteredFromAt) {
    }

    private final JdbcClient jdbc;

    StageChangeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> of(InsightFilter filter, Set<UUID> owners) {
        if (owners != null && owners.isEmpty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("""
                SELECT c.lead_id, c.occurred_at, c.from_stage, c.to_stage, c.reason, c.source, c.campaign_id, c.owner_id,
                  (SELECT MAX(p.occurred_at) FROM insight_stage_change p
                   WHERE p.lead_id = c.lead_id AND p.occurred_at < c.occurred_at) AS entered_at
                FROM insight_stage_change c WHERE c.occurred_at >= :from AND c.occurred_at < :to""");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("from", Sql.utc(filter.start()));
        params.put("to", Sql.utc(filter.end()));
        if (filter.source() != null) {
            sql.append(" AND LOWER(TRIM(COALESCE(c.source, ''))) = :source");
            params.put("source", filter.source().toLowerCase(java.util.Locale.ROOT));
        }
        if (filter.campaign() != null) {
            sql.append(" AND c.campaign_id = :campaign");
            params.put("campaign", filter.campaign().value());
        }
        if (owners != null) {
            sql.append(" AND c.owner_id IN (:owners)");
            params.put("owners", owners);
        }
        sql.append(" ORDER BY c.occurred_at, c.lead_id");
        List<Row> rows = new ArrayList<>();
        jdbc.sql(sql.toString()).params(params).query(rs -> {
            String from = rs.getString("from_stage");
            rows.add(new Row(Sql.uuid(rs, "lead_id"), Sql.instant(rs, "occurred_at"), from == null ? null : Stage.valueOf(from),
                    Stage.valueOf(rs.getString("to_stage")), rs.getString("reason"), rs.getString("source"),
                    Sql.uuid(rs, "campaign_id"), Sql.uuid(rs, "owner_id"), Sql.instant(rs, "entered_at")));
        });
        return rows;
    }
}
