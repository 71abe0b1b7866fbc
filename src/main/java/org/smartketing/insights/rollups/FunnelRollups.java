package org.smartketing.insights.rollups;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Set;

import org.smartketing.funnel.FunnelFigures;
import org.smartketing.funnel.FunnelFigures.ChangeQuery;
import org.smartketing.funnel.FunnelFigures.StageChange;
import org.smartketing.funnel.LeadAssigned;
import org.smartketing.funnel.LeadStageChanged;
import org.smartketing.funnel.SlaBreached;
import org.smartketing.funnel.TimeRange;
import org.smartketing.shared.Sql;
import org.smartketing.shared.events.Reactions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps insights' funnel rollups current from the funnel's events, after commit and once per event
 * ({@link Reactions}): each stage change (with the lead's source, campaign and owner at that moment,
 * read from {@link FunnelFigures#stageChanges}, which has them), each routing to an owner and each
 * handoff clock that ran out. Rows have natural keys, so an event and a rebuild of the same fact
 * meet on one row; a failed listener rolls back whole and is tried again by the registry.
 */
@Component
public class FunnelRollups {

    /** How far around an event's time its stage change is looked for in the face (clocks differ by the storage's precision). */
    static final Duration NEAR = Duration.ofMillis(2);

    private final JdbcClient jdbc;
    private final Reactions reactions;
    private final FunnelFigures figures;
    private final Clock clock;
    private final StageRollups stages;

    /** Runs after the event is marked and before its row is written; tests make it fail. */
    volatile Runnable beforeWrite = () -> { };

    FunnelRollups(JdbcClient jdbc, Reactions reactions, FunnelFigures figures, Clock clock, StageRollups stages) {
        this.jdbc = jdbc;
        this.stages = stages;
        this.reactions = reactions;
        this.figures = figures;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void stageChanged(LeadStageChanged event) {
        reactions.once("insights.stage-change", event.eventId(), () -> {
            beforeWrite.run();
            StageChange change = figures.stageChanges(new ChangeQuery(
                    new TimeRange(event.occurredAt().minus(NEAR), event.occurredAt().plus(NEAR)), Set.of(event.to()),
                    null, null, null), null, FunnelFigures.MAX_PAGE).items().stream()
                    .filter(c -> c.lead().equals(event.leadId()))
                    .min(Comparator.comparing(c -> Duration.between(c.occurredAt(), event.occurredAt()).abs()))
                    .orElseGet(() -> new StageChange(event.leadId(), event.from(), event.to(), event.reason(),
                            event.occurredAt(), null, null, null, null, null));
            take(change);
        });
    }

    @ApplicationModuleListener
    void assigned(LeadAssigned event) {
        reactions.once("insights.lead-assigned", event.eventId(), () -> {
            beforeWrite.run();
            takeAssignment(event.leadId().value(), event.occurredAt(), event.ownerId().value(),
                    event.previousOwnerId() == null ? null : event.previousOwnerId().value());
        });
    }

    @ApplicationModuleListener
    void breached(SlaBreached event) {
        reactions.once("insights.sla-breached", event.eventId(), () -> {
            beforeWrite.run();
            takeBreach(event.leadId().value(), event.clock(), event.due(),
                    event.ownerId() == null ? null : event.ownerId().value());
        });
    }

    /**
     * Writes one stage change unless it is there already, and when it is new counts it and puts its
     * lead's stays right ({@link StageRollups}), in the same transaction; whether it was new.
     */
    public boolean take(StageChange c) {
        boolean taken = jdbc.sql("""
                INSERT INTO insight_stage_change (lead_id, occurred_at, to_stage, from_stage, reason, source, campaign_id,
                    owner_id, taken_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(c.lead().value(), Sql.utc(c.occurredAt()), c.to().name(), c.from() == null ? null : c.from().name(),
                        c.reason(), c.source(), c.campaign() == null ? null : c.campaign().value(),
                        c.owner() == null ? null : c.owner().value(), Sql.utc(clock.instant()))
                .update() == 1;
        if (taken) {
            stages.taken(new StageRollups.Change(c.lead().value(), c.occurredAt(), c.to().name(),
                    c.from() == null ? null : c.from().name(), c.reason(), c.source(),
                    c.campaign() == null ? null : c.campaign().value(), c.owner() == null ? null : c.owner().value()));
        }
        return taken;
    }

    /** The clocks start at the assignment's millisecond; so is it kept, for the rebuild to meet it. */
    public boolean takeAssignment(java.util.UUID lead, Instant at, java.util.UUID owner, java.util.UUID previous) {
        return jdbc.sql("""
                INSERT INTO insight_assignment (lead_id, occurred_at, owner_id, previous_owner_id, taken_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(lead, Sql.utc(at.truncatedTo(ChronoUnit.MILLIS)), owner, previous, Sql.utc(clock.instant()))
                .update() == 1;
    }

    public boolean takeBreach(java.util.UUID lead, String clockName, Instant due, java.util.UUID owner) {
        return jdbc.sql("""
                INSERT INTO insight_breach (lead_id, clock, due, owner_id, taken_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")
                .params(lead, clockName, Sql.utc(due.truncatedTo(ChronoUnit.MILLIS)), owner, Sql.utc(clock.instant()))
                .update() == 1;
    }

    /** When the rollups last took something in; null when never. */
    public Instant lastTaken() {
        return jdbc.sql("""
                SELECT MAX(t) AS t FROM (SELECT MAX(taken_at) AS t FROM insight_stage_change
                UNION ALL SELECT MAX(taken_at) FROM insight_assignment UNION ALL SELECT MAX(taken_at) FROM insight_breach) x""")
                .query((rs, n) -> Sql.instant(rs, "t")).optional().orElse(null);
    }
}
