package org.smartketing.funnel.leads;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.LeadStageChanged;
import org.smartketing.funnel.Stage;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.team.Actor;
import org.smartketing.team.AuditLog;
import org.smartketing.team.SignedInPerson;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves leads between stages. Each move is checked by the lead, written as an immutable stage
 * event with who, when and why, audited, and announced as {@link LeadStageChanged}.
 */
@Service
@Transactional
public class LeadStages {

    private final Leads leads;
    private final LeadHistory history;
    private final RejectionReasons reasons;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LeadStages(Leads leads, LeadHistory history, RejectionReasons reasons, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.leads = leads;
        this.history = history;
        this.reasons = reasons;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A move made by the signed-in person (or token), who is recorded as its actor. */
    public Lead move(LeadId id, Lead.Transition transition) {
        return move(id, transition, SignedInPerson.current());
    }

    /**
     * A move the system makes on its own (scoring reaching the threshold), recorded with the system
     * as its actor whoever's request set it off.
     */
    public Lead moveAutomatically(LeadId id, Lead.Transition transition) {
        return move(id, transition, Optional.empty(), Actor.SYSTEM);
    }

    /** The same, announced as the system acting for what set it off ({@code Actor.system("import")}). */
    public Lead moveAutomatically(LeadId id, Lead.Transition transition, Actor system) {
        return move(id, transition, Optional.empty(), system);
    }

    private Lead move(LeadId id, Lead.Transition transition, Optional<SignedInPerson> actor) {
        return move(id, transition, actor, Actor.SYSTEM);
    }

    private Lead move(LeadId id, Lead.Transition transition, Optional<SignedInPerson> actor, Actor system) {
        Lead before = leads.byId(id).orElseThrow(() -> new NotFoundException("Lead " + id));
        if (transition.to() == Stage.REJECTED && transition.reason() != null
                && !reasons.active().contains(transition.reason().strip())) {
            throw new InvalidFieldException("reason", "must be one of the agreed rejection reasons: "
                    + String.join("; ", reasons.active()));
        }
        Instant now = clock.instant();
        Lead after = leads.update(before.moveTo(transition, LocalDate.ofInstant(now, ZoneOffset.UTC), now));
        if (after.stage() == Stage.RECYCLED) {
            leads.dueForScoringBy(id, after.requalifyOn().atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        String reason = transition.reason() == null ? null : transition.reason().strip();
        history.stageChanged(before, before.stage(), after.stage(), reason, actor.map(p -> p.id().value()).orElse(null),
                actor.map(SignedInPerson::email).orElse(AuditLog.SYSTEM), now);
        audit.record("lead", id, "stage-changed", LeadSnapshot.of(before), LeadSnapshot.of(after));
        events.publishEvent(new LeadStageChanged(UUID.randomUUID(), id, before.stage(), after.stage(), reason, now,
                actor.map(SignedInPerson::actor).orElse(system)));
        // Listeners in this transaction may have changed the lead further (routing sets its owner).
        return leads.byId(id).orElseThrow();
    }
}
