package org.smartketing.crosstraining.measures;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.smartketing.crosstraining.budgets.Budgets;
import org.smartketing.crosstraining.coverage.Coverage;
import org.smartketing.crosstraining.sessions.Reflection;
import org.smartketing.crosstraining.sessions.Reflections;
import org.smartketing.crosstraining.sessions.Session;
import org.smartketing.crosstraining.sessions.SessionStore;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What cross-training does: its effect on handoffs (see {@link Effect}) over a period of UTC days
 * [from, to), 180 days up to today by default, beside coverage, hours against budget this quarter and
 * reflections written of those due.
 */
@Service
@Transactional(readOnly = true)
public class Measures {

    public record Report(LocalDate from, LocalDate to, Effect.Measure marketers, Effect.Measure reps,
            int coveragePercent, int budgetHours, double spentHours, double plannedHours, int reflectionsWritten,
            int reflectionsDue, int sessionsHeld) {
    }

    private final SessionStore sessions;
    private final HandoffFacts facts;
    private final Coverage coverage;
    private final Budgets budgets;
    private final Reflections reflections;
    private final TeamDirectory directory;
    private final Clock clock;

    Measures(SessionStore sessions, HandoffFacts facts, Coverage coverage, Budgets budgets, Reflections reflections,
            TeamDirectory directory, Clock clock) {
        this.sessions = sessions;
        this.facts = facts;
        this.coverage = coverage;
        this.budgets = budgets;
        this.reflections = reflections;
        this.directory = directory;
        this.clock = clock;
    }

    public Report report(LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate end = to == null ? today.plusDays(1) : to;
        LocalDate start = from == null ? end.minusDays(180) : from;
        if (!start.isBefore(end)) {
            throw new InvalidFieldException("to", "must be after from");
        }
        if (Duration.between(start.atStartOfDay(), end.atStartOfDay()).toDays() > 3 * 366) {
            throw new InvalidFieldException("from", "a period of at most three years");
        }
        Instant now = clock.instant();
        List<Session> held = sessions.all().stream().filter(s -> s.over(now)).toList();
        Map<PersonId, Instant> first = new HashMap<>();
        held.forEach(s -> s.learners().forEach(l -> first.merge(l, s.startsAt(), (a, b) -> a.isBefore(b) ? a : b)));
        List<PersonSummary> people = directory.enabledPeople().stream()
                .filter(p -> p.department() == Department.SALES || p.department() == Department.MARKETING).toList();
        List<Effect.Person> measured = people.stream()
                .map(p -> new Effect.Person(p.id(), p.displayName(), p.department(), first.get(p.id()))).toList();
        Instant a = start.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant b = end.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<HandoffFact> all = facts.between(a, b);
        var budget = budgets.of(people).values();
        int due = held.stream().mapToInt(s -> s.learners().size()).sum();
        List<Reflection> written = reflections.all();
        int byLearners = (int) written.stream().filter(r -> held.stream().anyMatch(s -> s.id().equals(r.sessionId())
                && s.learners().contains(r.personId()))).count();
        return new Report(start, end, Effect.marketers(measured, all, a, b), Effect.reps(measured, all, a, b),
                coverage.matrix().coveragePercent(), budget.stream().mapToInt(Budgets.Budget::hours).sum(),
                budget.stream().mapToDouble(Budgets.Budget::spentHours).sum(),
                budget.stream().mapToDouble(Budgets.Budget::plannedHours).sum(), byLearners, due, held.size());
    }
}
