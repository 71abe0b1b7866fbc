package org.smartketing.goals.progress;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.smartketing.funnel.DayRange;
import org.smartketing.funnel.FunnelFigures;
import org.smartketing.funnel.Grouping;
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
 * The one place goals learn about the funnel. New customers, SQLs and MQLs delivered are the
 * funnel's stage entries ({@link FunnelFigures#stageEntries}, from its daily rollup: UTC days, the
 * funnel has no teams, so every lead counts). What the face cannot answer is heard after commit
 * (once each) and kept in goals' own tables: who moved a lead to SAL or SQL (the face knows the
 * lead's owner, not the mover) and accept-clock breaches (a lead accepted within the SLA is a move
 * to SAL with no breach of its accept clock before it; the face's SLA figures count clock runs by
 * the day they started, not acceptances by the day they happened).
 */
@Component
public class FunnelProgress {

    private final JdbcClient jdbc;
    private final Reactions reactions;

    private final FunnelFigures figures;

    FunnelProgress(JdbcClient jdbc, Reactions reactions, FunnelFigures figures) {
        this.jdbc = jdbc;
        this.reactions = reactions;
        this.figures = figures;
    }

    /** Whether the measure is the funnel's stage entries (and so read from its face by days). */
    static boolean byStageEntries(Measure measure) {
        return measure == Measure.NEW_CUSTOMERS || measure == Measure.SQLS || measure == Measure.MQLS_DELIVERED;
    }

    /**
     * Entries into the stages of the measures, per day in [from, to), in one query of the
     * funnel's face: the days are the funnel's UTC days of those dates.
     */
    Entries entries(Set<Measure> measures, LocalDate from, LocalDate to) {
        Set<Stage> stages = measures.stream().filter(FunnelProgress::byStageEntries).map(FunnelProgress::stageOf)
                .collect(java.util.stream.Collectors.toCollection(() -> EnumSet.noneOf(Stage.class)));
        Map<Stage, TreeMap<LocalDate, Long>> days = new EnumMap<>(Stage.class);
        if (!stages.isEmpty() && to.isAfter(from)) {
            Stage[] rest = stages.stream().skip(1).toArray(Stage[]::new);
            figures.stageEntries(FunnelFigures.EntryQuery.over(new DayRange(from, to), Grouping.DAY)
                    .into(stages.iterator().next(), rest))
                    .forEach(c -> days.computeIfAbsent(c.stage(), s -> new TreeMap<>()).merge(c.periodStart(), c.entries(),
                            Long::sum));
        }
        return new Entries(days);
    }

    /** Stage entries per day, as one query of the funnel's face answered them. */
    record Entries(Map<Stage, TreeMap<LocalDate, Long>> days) {

        /** The measure's entries from {@code first} up to, not including, {@code end}. */
        long of(Measure measure, LocalDate first, LocalDate end) {
            TreeMap<LocalDate, Long> byDay = days.get(stageOf(measure));
            if (byDay == null || !end.isAfter(first)) {
                return 0;
            }
            return byDay.subMap(first, true, end, false).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    @ApplicationModuleListener(condition = "#change.to().name() == 'SAL' or #change.to().name() == 'SQL'")
    void stageChanged(LeadStageChanged change) {
        reactions.once("goals.funnel-move", change.eventId(), () -> jdbc.sql("INSERT INTO goal_funnel_move "
                + "(event_id, lead_id, to_stage, mover_id, moved_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(change.eventId(), change.leadId().value(), change.to().name(),
                        change.actor().isPerson() ? change.actor().personId().value() : null,
                        Sql.utc(change.occurredAt()))
                .update());
    }

    @ApplicationModuleListener(condition = "#breach.clock() == 'ACCEPT'")
    void slaBreached(SlaBreached breach) {
        reactions.once("goals.sla-breach", breach.eventId(), () -> jdbc.sql("INSERT INTO goal_sla_breach "
                + "(event_id, lead_id, breached_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(breach.eventId(), breach.leadId().value(), Sql.utc(breach.due())).update());
    }

    /** Leads accepted within the SLA in [from, to). */
    long acceptedWithinSla(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return 0;
        }
        return jdbc.sql("SELECT COUNT(*) FROM goal_funnel_move m WHERE m.to_stage = 'SAL' AND m.moved_at >= ? "
                    + "AND m.moved_at < ? AND NOT EXISTS (SELECT 1 FROM goal_sla_breach b WHERE b.lead_id = m.lead_id "
                    + "AND b.breached_at <= m.moved_at)").params(Sql.utc(from), Sql.utc(to)).query(Long.class).single();
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
