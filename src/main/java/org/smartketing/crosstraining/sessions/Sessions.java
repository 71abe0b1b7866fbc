package org.smartketing.crosstraining.sessions;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.smartketing.crosstraining.SessionCancelled;
import org.smartketing.crosstraining.SessionId;
import org.smartketing.crosstraining.SessionPlanned;
import org.smartketing.crosstraining.budgets.Budgets;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.NotPermittedException;
import org.smartketing.shared.Text;
import org.smartketing.team.AppRole;
import org.smartketing.team.AuditLog;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans sessions (shadowing on real work, or planned cross-training), lets learners join, and lets
 * the host move or decline. Every input is checked before anything is stored; each change is
 * audited, announced and sent to the calendars of everyone in it.
 */
@Service
@Transactional
public class Sessions {

    public static final int MOST_LEARNERS = 20;

    /** A session as a form or the API asks for it; the host is the trainer of a planned session. */
    public record NewSession(String kind, String topic, UUID hostId, List<UUID> learnerIds, Instant startsAt,
            Integer durationMinutes, String zone, String workKind, UUID workId) {
    }

    private final SessionStore store;
    private final WorkLookup work;
    private final SessionNotices notices;
    private final TeamDirectory directory;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Budgets budgets;
    private final Clock clock;

    Sessions(SessionStore store, WorkLookup work, SessionNotices notices, TeamDirectory directory, AuditLog audit,
            ApplicationEventPublisher events, Budgets budgets, Clock clock) {
        this.store = store;
        this.budgets = budgets;
        this.work = work;
        this.notices = notices;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public Session plan(NewSession request, SignedInPerson me) {
        Session.Kind kind = kind(request.kind());
        PersonSummary host = enabled(request.hostId() == null ? me.id().value() : request.hostId(), "hostId");
        if (kind == Session.Kind.SHADOWING && host.department() != Department.SALES
                && host.department() != Department.MARKETING) {
            throw new InvalidFieldException("hostId", "must be in sales or marketing: shadowing is on their work");
        }
        Map<PersonId, PersonSummary> learners = learners(kind, host, request.learnerIds());
        boolean involved = host.id().equals(me.id()) || learners.containsKey(me.id());
        if (!involved && me.role() == AppRole.MEMBER) {
            throw new NotPermittedException("Plan sessions you host or learn in; a manager may plan them for others.");
        }
        Instant now = clock.instant();
        Session.requireTiming(request.startsAt(), request.durationMinutes(), now);
        ZoneId zone = zone(request.zone(), host.zone());
        Work seen = kind == Session.Kind.SHADOWING ? work.find(request.workKind(), request.workId(), host.department())
                : null;
        String topic = Text.plain("topic", request.topic(), 200);
        if (topic == null && kind == Session.Kind.PLANNED) {
            throw new InvalidFieldException("topic", "is required for planned cross-training");
        }
        if (topic == null) {
            topic = Text.abbreviate(seen.title() == null ? "Shadowing" : seen.title(), 200);
        }
        budgets.requireRoom(learners.values(), request.startsAt(), request.durationMinutes(), null, "learnerIds");
        Session s = new Session(SessionId.random(), kind, topic,
                new Session.Host(host.id(), host.department(), host.jobRole()), request.startsAt(),
                request.durationMinutes(), zone, seen, null, Session.Status.SCHEDULED, 0, List.copyOf(learners.keySet()),
                me.id(), now);
        Map<PersonId, Department> departments = new LinkedHashMap<>();
        learners.values().forEach(p -> departments.put(p.id(), p.department()));
        store.insert(s, departments);
        planned(s, me, "planned");
        return s;
    }

    /** Makes the session of an offer's first booked seat (the offer has been checked and its seat taken). */
    Session fromOffer(Offer offer, PersonSummary host, PersonSummary learner, SignedInPerson me) {
        Session s = new Session(SessionId.random(), Session.Kind.SHADOWING, offer.title(),
                new Session.Host(host.id(), host.department(), host.jobRole()), offer.startsAt(), offer.durationMinutes(),
                offer.zone(), offer.work(), offer.id(), Session.Status.SCHEDULED, 0, List.of(learner.id()), me.id(),
                clock.instant());
        store.insert(s, Map.of(learner.id(), learner.department()));
        planned(s, me, "booked");
        return s;
    }

    /** A learner joins a session that has started from an offer. */
    Session join(SessionId id, PersonSummary learner, SignedInPerson me) {
        Session before = store.lock(id).orElseThrow(() -> new NotFoundException("Session " + id));
        Session after = before.join(learner.id(), learner.department(), clock.instant());
        store.addLearner(id, learner.id(), learner.department(), clock.instant());
        store.update(after);
        planned(after, me, "joined");
        return after;
    }

    public Session move(SessionId id, Instant startsAt, Integer durationMinutes, SignedInPerson me) {
        Session before = hosted(id, me);
        Session after = before.moveTo(startsAt, durationMinutes == null ? before.durationMinutes() : durationMinutes,
                clock.instant());
        budgets.requireRoom(directory.people(after.learners()).values(), after.startsAt(), after.durationMinutes(),
                after.id(), "durationMinutes");
        store.update(after);
        audit.record("crosstraining-session", id, "moved", Map.of("startsAt", before.startsAt().toString(),
                "durationMinutes", before.durationMinutes()), Map.of("startsAt", after.startsAt().toString(),
                        "durationMinutes", after.durationMinutes()));
        notices.changed(after);
        return after;
    }

    public Session cancel(SessionId id, String reason, SignedInPerson me) {
        Session before = hosted(id, me);
        String why = Text.plain("reason", reason, 300);
        Session after = before.cancel(clock.instant());
        store.update(after);
        audit.record("crosstraining-session", id, "cancelled", Map.of("status", before.status().name()),
                Map.of("status", after.status().name()));
        events.publishEvent(new SessionCancelled(UUID.randomUUID(), id, after.host().id(), why, clock.instant(),
                me.actor()));
        notices.cancelled(after, why);
        return after;
    }

    /** The session, for someone in it, its host, a manager or an admin; 404 for anyone else. */
    @Transactional(readOnly = true)
    public Session visibleTo(SessionId id, SignedInPerson me) {
        Session s = store.byId(id).orElseThrow(() -> new NotFoundException("Session " + id));
        if (!s.involves(me.id()) && me.role() == AppRole.MEMBER) {
            throw new NotFoundException("Session " + id);
        }
        return s;
    }

    private Session hosted(SessionId id, SignedInPerson me) {
        Session s = visibleTo(id, me);
        if (!s.host().id().equals(me.id()) && !me.isAdmin()) {
            throw new NotPermittedException("Only the host moves or declines a session.");
        }
        return s;
    }

    private void planned(Session s, SignedInPerson me, String action) {
        audit.record("crosstraining-session", s.id(), action, null, Map.of("kind", s.kind().name(), "topic", s.topic(),
                "startsAt", s.startsAt().toString(), "learners", s.learners().stream().map(PersonId::toString).toList()));
        events.publishEvent(new SessionPlanned(UUID.randomUUID(), s.id(), s.kind() == Session.Kind.SHADOWING, s.topic(),
                s.host().id(), s.learners(), s.startsAt(), s.durationMinutes(), clock.instant(), me.actor()));
        notices.planned(s);
    }

    private static Session.Kind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            throw new InvalidFieldException("kind", "is required: SHADOWING or PLANNED");
        }
        try {
            return Session.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidFieldException("kind", "must be SHADOWING or PLANNED");
        }
    }

    private Map<PersonId, PersonSummary> learners(Session.Kind kind, PersonSummary host, List<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidFieldException("learnerIds", "name at least one learner");
        }
        Set<PersonId> wanted = new LinkedHashSet<>();
        ids.forEach(id -> {
            if (id == null) {
                throw new InvalidFieldException("learnerIds", "must not contain an empty id");
            }
            wanted.add(new PersonId(id));
        });
        if (wanted.size() > MOST_LEARNERS) {
            throw new InvalidFieldException("learnerIds", "at most " + MOST_LEARNERS + " learners in one session");
        }
        if (wanted.contains(host.id())) {
            throw new InvalidFieldException("learnerIds", "must not include the host");
        }
        Map<PersonId, PersonSummary> found = directory.people(wanted);
        Map<PersonId, PersonSummary> learners = new LinkedHashMap<>();
        for (PersonId id : wanted) {
            PersonSummary p = found.get(id);
            if (p == null || !p.enabled()) {
                throw new InvalidFieldException("learnerIds", id + " is not an enabled person in Smartketing");
            }
            Session.requireLearnerFor(kind, host.department(), p.department(), "learnerIds");
            learners.put(id, p);
        }
        return learners;
    }

    PersonSummary enabled(UUID id, String field) {
        return directory.person(new PersonId(id)).filter(PersonSummary::enabled)
                .orElseThrow(() -> new InvalidFieldException(field, "is not an enabled person in Smartketing"));
    }

    static ZoneId zone(String zone, ZoneId fallback) {
        if (zone == null || zone.isBlank()) {
            return fallback;
        }
        try {
            return ZoneId.of(zone.strip());
        }
        catch (DateTimeException ex) {
            throw new InvalidFieldException("zone", "is not a time zone (e.g. Europe/Berlin)");
        }
    }

    /** Everyone the session names, for pages. */
    @Transactional(readOnly = true)
    public Map<PersonId, PersonSummary> people(List<Session> sessions) {
        List<PersonId> ids = new ArrayList<>();
        sessions.forEach(s -> {
            ids.add(s.host().id());
            ids.addAll(s.learners());
        });
        return directory.people(ids);
    }
}
