package org.smartketing.crosstraining.measures;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.smartketing.funnel.LeadAssigned;
import org.smartketing.funnel.LeadStageChanged;
import org.smartketing.funnel.SlaBreached;
import org.smartketing.funnel.Stage;
import org.smartketing.shared.Sql;
import org.smartketing.shared.events.Reactions;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Cross-training's own record of handoffs, fed by the funnel's events after they commit (so the
 * measure never reads the funnel's tables): a marketer moving a lead to MQL hands it over; sales
 * accepting or rejecting it answers it (a rejection with its reason); an assignment gives a rep a
 * lead; a run-out clock is a breach. Each event is taken once ({@link Reactions}); each fact's key
 * is made from the event's id and its kind, so one event may give two facts.
 */
@Component
public class HandoffFacts {

    private final JdbcClient jdbc;
    private final Reactions reactions;

    HandoffFacts(JdbcClient jdbc, Reactions reactions) {
        this.jdbc = jdbc;
        this.reactions = reactions;
    }

    @ApplicationModuleListener(condition = "#change.to().name() == 'MQL' or #change.to().name() == 'SAL'"
            + " or #change.to().name() == 'REJECTED'")
    void stageChanged(LeadStageChanged change) {
        reactions.once("crosstraining.handoff-stage", change.eventId(), () -> {
            PersonId mover = change.actor().personId();
            if (change.to() == Stage.MQL && mover != null && change.actor().department() == Department.MARKETING) {
                record(change.eventId(), HandoffFact.Kind.HANDED_OVER, change.leadId().value(), mover, null,
                        change.occurredAt());
            }
            if (change.to() == Stage.REJECTED) {
                record(change.eventId(), HandoffFact.Kind.REJECTED, change.leadId().value(), mover, change.reason(),
                        change.occurredAt());
            }
            if ((change.to() == Stage.SAL || change.to() == Stage.REJECTED) && mover != null) {
                record(change.eventId(), HandoffFact.Kind.ANSWERED, change.leadId().value(), mover, null,
                        change.occurredAt());
            }
        });
    }

    @ApplicationModuleListener
    void assigned(LeadAssigned assigned) {
        reactions.once("crosstraining.handoff-assigned", assigned.eventId(), () -> record(assigned.eventId(),
                HandoffFact.Kind.ASSIGNED, assigned.leadId().value(), assigned.ownerId(), null, assigned.occurredAt()));
    }

    @ApplicationModuleListener
    void breached(SlaBreached breach) {
        reactions.once("crosstraining.handoff-breached", breach.eventId(), () -> record(breach.eventId(),
                HandoffFact.Kind.BREACHED, breach.leadId().value(), breach.ownerId(), breach.clock(), breach.due()));
    }

    /** Also how the demo company writes its history (one transaction with the rest of the demo). */
    public void record(UUID eventId, HandoffFact.Kind kind, UUID lead, PersonId person, String reason, Instant at) {
        UUID id = UUID.nameUUIDFromBytes((eventId + ":" + kind).getBytes(StandardCharsets.UTF_8));
        jdbc.sql("""
                INSERT INTO crosstraining_handoff_fact (event_id, kind, lead_id, person_id, reason, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(id, kind.name(), lead, person == null ? null : person.value(),
                        reason == null ? null : reason.length() > 300 ? reason.substring(0, 300) : reason, Sql.utc(at))
                .update();
    }

    /** The facts of [from, to), and every later one about the same leads (an answer may come after the period). */
    public List<HandoffFact> between(Instant from, Instant to) {
        return jdbc.sql("""
                SELECT * FROM crosstraining_handoff_fact f WHERE f.lead_id IN (
                    SELECT g.lead_id FROM crosstraining_handoff_fact g WHERE g.occurred_at >= ? AND g.occurred_at < ?)
                ORDER BY f.occurred_at, f.event_id""").params(Sql.utc(from), Sql.utc(to))
                .query((rs, n) -> {
                    UUID person = Sql.uuid(rs, "person_id");
                    return new HandoffFact(HandoffFact.Kind.valueOf(rs.getString("kind")), Sql.uuid(rs, "lead_id"),
                            person == null ? null : new PersonId(person), rs.getString("reason"),
                            Sql.instant(rs, "occurred_at"));
                }).list();
    }
}
