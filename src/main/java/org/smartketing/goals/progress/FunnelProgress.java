package org.smartketing.goals.progress;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.smartketing.funnel.LeadStageChanged;
import org.smartketing.funnel.SlaBreached;
import org.smartketing.funnel.Stage;
import org.smartketing.goals.plan.Measure;
import org.smartketing.shared.Sql;
import org.smartketing.shared.events.Reactions;
import org.smartketing.team.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The one place goals learn about the funnel: its stage changes and accept-clock breaches, heard
 * after commit (once each) and kept in goals' own tables, and counted from there. Outcomes count
 * every lead of the funnel (the funnel has no teams); a lead accepted within the SLA is a move to
 * SAL with no breach of its accept clock before it. When the funnel offers figures through its
 * face, only this class changes.
 */
@Component
public class FunnelProgress {

    private final JdbcClient jdbc;
    private final Reactions reactions;

    FunnelProgress(JdbcClient jdbc, Reactions reactions) {
        this.jdbc = jdbc;
        this.reactions = reactions;
    }

    @ApplicationModuleListener(condition = "#change.to().name() == 'MQL' or #change.to().name() == 'SAL' "
            + "or #change.to().name() == 'SQL' or #change.to().name() == 'CUSTOMER'")
    void stageChanged(LeadStageChanged change) {
        reactions.once("goals.funnel-move", change.eventId(), () -> jdbc.sql("INSERT INTO goal_funnel_move "
                + "(event_id, lead_id, to_stage, mover_id, moved_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(change.eventId(), change.leadId().value(), change.to().name(),
                        change.actor().isPerson() ? change.actor().personId().value() : null,
                        Sql.utc(change.occurredAt()))
                .update());
    }

    /**
     * A move the funnel made before goals heard of it: the demo's history, which the funnel's demo
     * writes without events. Goes once this class reads the funnel's own figures.
     */
    public void recordPastMove(UUID leadId, Stage to, PersonId mover, Instant at) {
        jdbc.sql("INSERT INTO goal_funnel_move (event_id, lead_id, to_stage, mover_id, moved_at) VALUES (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), leadId, to.name(), mover == null ? null : mover.value(), Sql.utc(at)).update();
    }

    @ApplicationModuleListener(condition = "#breach.clock() == 'ACCEPT'")
    void slaBreached(SlaBreached breach) {
        reactions.once("goals.sla-breach", breach.eventId(), () -> jdbc.sql("INSERT INTO goal_sla_breach "
                + "(event_id, lead_id, breached_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(breach.eventId(), breach.leadId().value(), Sql.utc(breach.due())).update());
    }

    /** The outcome reached in [from, to) for a measure the funnel counts. */
    long outcome(Measure measure, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return 0;
        }
        if (measure == Measure.ACCEPTED_WITHIN_SLA) {
            return jdbc.sql("SELECT COUNT(*) FROM goal_funnel_move m WHERE m.to_stage = 'SAL' AND m.moved_at >= ? "
                    + "AND m.moved_at < ? AND NOT EXISTS (SELECT 1 FROM goal_sla_breach b WHERE b.lead_id = m.lead_id "
                    + "AND b.breached_at <= m.moved_at)").params(Sql.utc(from), Sql.utc(to)).query(Long.class).single();
        }
        return jdbc.sql("SELECT COUNT(*) FROM goal_funnel_move WHERE to_stage = ? AND moved_at >= ? AND moved_at < ?")
                .params(stageOf(measure).name(), Sql.utc(from), Sql.utc(to)).query(Long.class).single();
    }

    /** Leads each person moved to the stage in [from, to); everyone given is present. */
    Map<PersonId, Long> movesBy(Stage stage, Collection<PersonId> people, Instant from, Instant to) {
        Map<PersonId, Long> result = new LinkedHashMap<>();
        people.forEach(p -> result.put(p, 0L));
        if (people.isEmpty() || !from.isBefore(to)) {
            return result;
        }
        List<UUID> ids = people.stream().map(PersonId::value).toList();
        jdbc.sql("SELECT mover_id, COUNT(*) AS moves FROM goal_funnel_move WHERE to_stage = :stage AND mover_id IN (:ids) "
                + "AND moved_at >= :from AND moved_at < :to GROUP BY mover_id")
                .param("stage", stage.name()).param("ids", ids).param("from", Sql.utc(from)).param("to", Sql.utc(to))
                .query(rs -> {
                    result.put(new PersonId(Sql.uuid(rs, "mover_id")), rs.getLong("moves"));
                });
        return result;
    }

    private static Stage stageOf(Measure measure) {
        return switch (measure) {
            case NEW_CUSTOMERS -> Stage.CUSTOMER;
            case SQLS -> Stage.SQL;
            case MQLS_DELIVERED -> Stage.MQL;
            default -> throw new IllegalArgumentException(measure + " is not counted from the funnel");
        };
    }
}
