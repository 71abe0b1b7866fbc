package org.smartketing.crosstraining.sessions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.smartketing.activity.ActivityType;
import org.smartketing.crosstraining.AskId;
import org.smartketing.crosstraining.OfferId;
import org.smartketing.crosstraining.budgets.Budgets;
import org.smartketing.shared.FieldConflictException;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.NotPermittedException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.shared.Text;
import org.smartketing.team.AppRole;
import org.smartketing.team.AuditLog;
import org.smartketing.team.Department;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.SignedInPerson;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hosts offer seats on their real work, learners ask to see some, and one click matches an ask
 * with an offer. Taking a seat is a guarded UPDATE of the offer's row, so of two people taking
 * the last seat at once exactly one gets it; the other hears it is gone (409 on {@code offerId}).
 */
@Service
@Transactional
public class Offers {

    public record NewOffer(String title, Instant startsAt, Integer durationMinutes, Integer seats, String zone,
            String workKind, java.util.UUID workId) {
    }

    public record NewAsk(String wants, String jobRole, String activityType) {
    }

    private final OfferStore store;
    private final Sessions sessions;
    private final WorkLookup work;
    private final AuditLog audit;
    private final Budgets budgets;
    private final Clock clock;

    Offers(OfferStore store, Sessions sessions, WorkLookup work, AuditLog audit, Budgets budgets, Clock clock) {
        this.store = store;
        this.budgets = budgets;
        this.sessions = sessions;
        this.work = work;
        this.audit = audit;
        this.clock = clock;
    }

    public Offer offer(NewOffer request, SignedInPerson me) {
        PersonSummary host = sessions.enabled(me.id().value(), "hostId");
        if (host.department() != Department.SALES && host.department() != Department.MARKETING) {
            throw new RuleViolationException("Seats are offered on the work of sales and marketing.");
        }
        Instant now = clock.instant();
        Session.requireTiming(request.startsAt(), request.durationMinutes(), now);
        Integer seats = request.seats() == null ? Integer.valueOf(1) : request.seats();
        if (seats < 1 || seats > Offer.MOST_SEATS) {
            throw new InvalidFieldException("seats", "must be between 1 and " + Offer.MOST_SEATS);
        }
        var zone = Sessions.zone(request.zone(), host.zone());
        Work seen = work.find(request.workKind(), request.workId(), host.department());
        String title = Text.plain("title", request.title(), 200);
        Offer o = new Offer(OfferId.random(), host.id(), title == null ? Text.abbreviate(seen.title(), 200) : title,
                request.startsAt(), request.durationMinutes(), zone, seen, seats, 0, Offer.Status.OPEN, null, now);
        store.insert(o);
        audit.record("crosstraining-offer", o.id(), "offered", null, Map.of("title", o.title(), "seats", seats,
                "startsAt", o.startsAt().toString(), "work", seen.kind() + ":" + seen.id()));
        return o;
    }

    /** The signed-in learner takes a seat. */
    public Session book(OfferId id, SignedInPerson me) {
        return book(id, sessions.enabled(me.id().value(), "learnerId"), "learnerId", me);
    }

    /** {@code learnerField} names the learner in a refusal: the booker themself, or the ask that was matched. */
    private Session book(OfferId id, PersonSummary learner, String learnerField, SignedInPerson me) {
        Offer offer = store.byId(id).orElseThrow(() -> new NotFoundException("Offer " + id));
        PersonSummary host = sessions.enabled(offer.hostId().value(), "offerId");
        if (host.id().equals(learner.id())) {
            throw new InvalidFieldException(learnerField, "is the host: a host does not shadow their own work");
        }
        Session.requireLearnerFor(Session.Kind.SHADOWING, host.department(), learner.department(), learnerField);
        if (!offer.open(clock.instant())) {
            throw new FieldConflictException("offerId", offer.status() == Offer.Status.WITHDRAWN ? "was withdrawn by its host"
                    : offer.startsAt().isAfter(clock.instant()) ? "has no seat left" : "has already started");
        }
        budgets.requireRoom(List.of(learner), offer.startsAt(), offer.durationMinutes(), null, learnerField);
        if (!store.takeSeat(id)) {
            throw new FieldConflictException("offerId", "has no seat left: someone took the last one a moment ago");
        }
        // we hold the offer's row now: a session made by an earlier booking is committed and seen
        Offer taken = store.byId(id).orElseThrow();
        if (taken.sessionId() == null) {
            Session s = sessions.fromOffer(taken, host, learner, me);
            store.madeSession(id, s.id());
            return s;
        }
        return sessions.join(taken.sessionId(), learner, me);
    }

    public void withdraw(OfferId id, SignedInPerson me) {
        Offer offer = store.byId(id).orElseThrow(() -> new NotFoundException("Offer " + id));
        if (!offer.hostId().equals(me.id()) && !me.isAdmin()) {
            throw new NotPermittedException("Only the host withdraws an offer.");
        }
        store.withdraw(id);
        audit.record("crosstraining-offer", id, "withdrawn", Map.of("status", offer.status().name()),
                Map.of("status", "WITHDRAWN"));
    }

    public Ask ask(NewAsk request, SignedInPerson me) {
        PersonSummary learner = sessions.enabled(me.id().value(), "learnerId");
        String wants = Text.plain("wants", request.wants(), 300);
        if (wants == null) {
            throw new InvalidFieldException("wants", "is required: say what you want to see");
        }
        String role = Text.plain("jobRole", request.jobRole(), 100);
        ActivityType type = activityType(request.activityType(), learner.department());
        Ask a = new Ask(AskId.random(), learner.id(), wants, role, type, Ask.Status.OPEN, null, clock.instant());
        store.insert(a);
        audit.record("crosstraining-ask", a.id(), "asked", null, Map.of("wants", wants));
        return a;
    }

    /**
     * One click: the ask's learner takes a seat of the offer. The learner, the offer's host, a
     * manager or an admin may click it.
     */
    public Session match(AskId askId, OfferId offerId, SignedInPerson me) {
        Ask ask = store.ask(askId).orElseThrow(() -> new NotFoundException("Ask " + askId));
        if (offerId == null) {
            throw new InvalidFieldException("offerId", "is required: which offer to match the ask with");
        }
        Offer offer = store.byId(offerId).orElseThrow(() -> new InvalidFieldException("offerId", "is not an offer here"));
        boolean allowed = ask.learnerId().equals(me.id()) || offer.hostId().equals(me.id()) || me.role() != AppRole.MEMBER;
        if (!allowed) {
            throw new NotPermittedException("The learner or the host matches an ask with an offer.");
        }
        if (!ask.open()) {
            throw new FieldConflictException("askId", "is no longer open");
        }
        Session s = book(offerId, sessions.enabled(ask.learnerId().value(), "askId"), "askId", me);
        if (!store.matched(askId, s.id())) {
            throw new FieldConflictException("askId", "was matched a moment ago");
        }
        audit.record("crosstraining-ask", askId, "matched", null, Map.of("offer", offerId.toString(),
                "session", s.id().toString()));
        return s;
    }

    public void withdraw(AskId id, SignedInPerson me) {
        Ask ask = store.ask(id).orElseThrow(() -> new NotFoundException("Ask " + id));
        if (!ask.learnerId().equals(me.id()) && !me.isAdmin()) {
            throw new NotPermittedException("Only the learner withdraws their ask.");
        }
        store.withdraw(id);
    }

    @Transactional(readOnly = true)
    public List<Offer> open() {
        return store.open(clock.instant());
    }

    private static ActivityType activityType(String name, Department learner) {
        if (name == null || name.isBlank()) {
            return null;
        }
        ActivityType type;
        try {
            type = ActivityType.valueOf(name.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidFieldException("activityType", "is not a kind of activity");
        }
        if (!type.loggedByHand() || type.department() == learner) {
            throw new InvalidFieldException("activityType", "must be the other department's kind of work");
        }
        return type;
    }
}
