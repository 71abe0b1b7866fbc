package org.smartketing.crosstraining.budgets;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.smartketing.crosstraining.SessionId;
import org.smartketing.crosstraining.sessions.Session;
import org.smartketing.crosstraining.sessions.SessionStore;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.NotPermittedException;
import org.smartketing.shared.Sql;
import org.smartketing.team.AuditLog;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hours per person per quarter for learning the other department's job: an admin's default, and a
 * person's own number set by their manager. Spent are the hours of sessions they learned in that are
 * over, planned those still to come, both in the quarter (in the person's zone) and not cancelled.
 */
@Service
@Transactional
public class Budgets {

    public static final int MOST_HOURS = 200;

    /** One person's budget this quarter. {@code own} when their manager set it, else the default applies. */
    public record Budget(PersonId personId, String name, int hours, boolean own, double spentHours, double plannedHours,
            String quarter) {

        public double leftHours() {
            return hours - spentHours - plannedHours;
        }
    }

    private final JdbcClient jdbc;
    private final SessionStore sessions;
    private final TeamDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    Budgets(JdbcClient jdbc, SessionStore sessions, TeamDirectory directory, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public int defaultHours() {
        return jdbc.sql("SELECT default_hours FROM crosstraining_settings WHERE id = 1").query(Integer.class).single();
    }

    /** The door lets only admins in. */
    public void setDefault(Integer hours) {
        int checked = check(hours);
        int before = defaultHours();
        jdbc.sql("UPDATE crosstraining_settings SET default_hours = ? WHERE id = 1").param(checked).update();
        audit.record("crosstraining-budget", "default", "changed", Map.of("hours", before), Map.of("hours", checked));
    }

    /**
     * A person's own budget, by their manager or an admin; {@code null} hours go back to the default.
     *
     * @throws NotPermittedException for a manager who is not the person's
     */
    public void set(PersonId person, Integer hours, boolean backToDefault, SignedInPerson me) {
        PersonSummary p = directory.person(person).orElseThrow(() -> new NotFoundException("Person " + person));
        if (!me.isAdmin() && !me.id().equals(p.managerId())) {
            throw new NotPermittedException("Only " + p.displayName() + "'s manager (or an admin) sets their budget.");
        }
        Integer before = own(person);
        if (backToDefault) {
            jdbc.sql("DELETE FROM crosstraining_budget WHERE person_id = ?").param(person.value()).update();
        }
        else {
            int checked = check(hours);
            if (jdbc.sql("UPDATE crosstraining_budget SET hours = ?, set_by = ?, set_at = ? WHERE person_id = ?")
                    .params(checked, me.id().value(), Sql.utc(clock.instant()), person.value()).update() == 0) {
                jdbc.sql("INSERT INTO crosstraining_budget (person_id, hours, set_by, set_at) VALUES (?, ?, ?, ?)")
                        .params(person.value(), checked, me.id().value(), Sql.utc(clock.instant())).update();
            }
        }
        audit.record("crosstraining-budget", person, "changed", before == null ? null : Map.of("hours", before),
                backToDefault ? null : Map.of("hours", hours));
    }

    private static int check(Integer hours) {
        if (hours == null) {
            throw new InvalidFieldException("hours", "is required");
        }
        if (hours < 0 || hours > MOST_HOURS) {
            throw new InvalidFieldException("hours", "must be between 0 and " + MOST_HOURS + " hours a quarter");
        }
        return hours;
    }

    private Integer own(PersonId person) {
        return jdbc.sql("SELECT hours FROM crosstraining_budget WHERE person_id = ?").param(person.value())
                .query(Integer.class).optional().orElse(null);
    }

    /**
     * Refuses, naming {@code field}, a booking that would take a learner over their budget for the
     * quarter (in their zone) the session starts in: what they have spent and planned there, plus
     * {@code minutes} more, must fit. {@code except} is a session already counted that is being
     * changed (or null). Each learner's lock row is held to the end of the caller's transaction, so
     * two bookings for one learner at once are checked one after the other (and across nodes).
     */
    public void requireRoom(Collection<PersonSummary> learners, Instant startsAt, int minutes, SessionId except,
            String field) {
        // in the order of their ids, so two bookings naming the same learners cannot wait on each other
        learners.stream().map(p -> p.id().value()).sorted().forEach(this::lock);
        Map<UUID, Integer> own = ownHours();
        int standard = defaultHours();
        List<Session> around = sessions.between(startsAt.minusSeconds(100L * 86400), startsAt.plusSeconds(100L * 86400));
        double wanted = minutes / 60.0;
        for (PersonSummary p : learners) {
            Quarter q = Quarter.of(startsAt, p.zone());
            double used = around.stream().filter(s -> !s.id().equals(except) && s.learners().contains(p.id())
                    && q.contains(s.startsAt())).mapToDouble(Session::hours).sum();
            Integer mine = own.get(p.id().value());
            int hours = mine == null ? standard : mine;
            if (used + wanted > hours + 1e-9) {
                throw new InvalidFieldException(field, "%s has %s of %s left for %s; this session takes %s"
                        .formatted(p.displayName(), BudgetOnPersonPage.hours(Math.max(0, hours - used)),
                                BudgetOnPersonPage.hours(hours), q, BudgetOnPersonPage.hours(wanted)));
            }
        }
    }

    private void lock(UUID person) {
        jdbc.sql("INSERT INTO crosstraining_learner_hours_lock (person_id) VALUES (?) ON CONFLICT DO NOTHING")
                .param(person).update();
        jdbc.sql("SELECT person_id FROM crosstraining_learner_hours_lock WHERE person_id = ? FOR UPDATE").param(person)
                .query().listOfRows();
    }

    private Map<UUID, Integer> ownHours() {
        Map<UUID, Integer> own = new HashMap<>();
        jdbc.sql("SELECT person_id, hours FROM crosstraining_budget").query((rs, n) -> Map.entry(Sql.uuid(rs, "person_id"),
                rs.getInt("hours"))).list().forEach(e -> own.put(e.getKey(), e.getValue()));
        return own;
    }

    @Transactional(readOnly = true)
    public Budget of(PersonSummary person) {
        return of(List.of(person)).get(person.id());
    }

    /** The budgets of many people this quarter, in two queries whatever their number. */
    @Transactional(readOnly = true)
    public Map<PersonId, Budget> of(Collection<PersonSummary> people) {
        Map<UUID, Integer> own = ownHours();
        int standard = defaultHours();
        Instant now = clock.instant();
        // quarters differ by zone by a few hours at most: read a little more, then cut per person
        List<Session> around = sessions.between(now.minusSeconds(100L * 86400), now.plusSeconds(100L * 86400));
        Map<PersonId, Budget> budgets = new java.util.LinkedHashMap<>();
        for (PersonSummary p : people) {
            Quarter q = Quarter.of(now, p.zone());
            double spent = 0;
            double planned = 0;
            for (Session s : around) {
                if (s.learners().contains(p.id()) && q.contains(s.startsAt())) {
                    if (s.over(now)) {
                        spent += s.hours();
                    }
                    else {
                        planned += s.hours();
                    }
                }
            }
            Integer mine = own.get(p.id().value());
            budgets.put(p.id(), new Budget(p.id(), p.displayName(), mine == null ? standard : mine, mine != null, spent,
                    planned, q.toString()));
        }
        return budgets;
    }
}
