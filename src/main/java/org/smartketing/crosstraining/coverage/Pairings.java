package org.smartketing.crosstraining.coverage;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.smartketing.crosstraining.coverage.Coverage.Column;
import org.smartketing.crosstraining.coverage.Coverage.Matrix;
import org.smartketing.crosstraining.coverage.Coverage.RoleStatus;
import org.smartketing.crosstraining.coverage.Coverage.Row;
import org.smartketing.funnel.RepAvailability;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.WorkingHours;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who should shadow whom next: for each person and each role of the other department they have not
 * seen, the best host in that role. Never someone unavailable now (every {@link RepAvailability}
 * bean is asked: disabled, out of office, off-grid), a learner with less than an hour of budget
 * left, or a pair whose working hours (each in their own zone) do not overlap in the coming week.
 * Ranked by the size of the gap (how many more of the learner's department should see the role,
 * plus one when the learner has seen nothing), then the overlap, then the budget left; each with
 * its reason in words.
 */
@Service
@Transactional(readOnly = true)
public class Pairings {

    public static final int MOST = 20;
    static final double LEAST_BUDGET = 1.0;

    public record Suggestion(PersonSummary learner, PersonSummary host, String role, int gap, double overlapHours,
            double budgetLeft, String reason) {
    }

    private final Coverage coverage;
    private final ObjectProvider<RepAvailability> availability;
    private final Clock clock;

    Pairings(Coverage coverage, ObjectProvider<RepAvailability> availability, Clock clock) {
        this.coverage = coverage;
        this.availability = availability;
        this.clock = clock;
    }

    public List<Suggestion> suggestions() {
        return suggestions(coverage.matrix());
    }

    /** The best {@link #MOST}, as pages and the API show them. */
    public List<Suggestion> suggestions(Matrix matrix) {
        return ranked(matrix).stream().limit(MOST).toList();
    }

    /** Every suggestion, best first. */
    public List<Suggestion> ranked(Matrix matrix) {
        Instant now = clock.instant();
        Map<PersonId, Optional<String>> away = new HashMap<>();
        List<Row> rows = new ArrayList<>(matrix.marketers());
        rows.addAll(matrix.reps());
        List<PersonSummary> everyone = rows.stream().map(Row::person).toList();
        List<Suggestion> all = new ArrayList<>();
        for (Row learner : rows) {
            if (learner.budget() == null || learner.budget().leftHours() < LEAST_BUDGET
                    || unavailable(learner.person(), now, away).isPresent()) {
                continue;
            }
            for (Column c : learner.columns()) {
                if (c.role() == null || learner.cell(c).seen()) {
                    continue;
                }
                RoleStatus status = matrix.role(c.role());
                int gap = status.shortOf() + (learner.seenNothing() ? 1 : 0);
                if (gap == 0) {
                    continue;
                }
                everyone.stream()
                        .filter(h -> h.department() == c.department() && h.jobRole() != null
                                && h.jobRole().strip().equalsIgnoreCase(c.role()))
                        .filter(h -> unavailable(h, now, away).isEmpty())
                        .map(h -> new Object[] { h, overlapHours(learner.person(), h, now) })
                        .filter(x -> (double) x[1] > 0)
                        .max(Comparator.comparingDouble(x -> (double) x[1]))
                        .ifPresent(x -> all.add(suggestion(learner, (PersonSummary) x[0], status, gap, (double) x[1])));
            }
        }
        return all.stream().sorted(Comparator.comparingInt(Suggestion::gap).reversed()
                .thenComparing(Comparator.comparingDouble(Suggestion::overlapHours).reversed())
                .thenComparing(Comparator.comparingDouble(Suggestion::budgetLeft).reversed())
                .thenComparing(s -> s.learner().displayName(), String.CASE_INSENSITIVE_ORDER)).toList();
    }

    private Optional<String> unavailable(PersonSummary p, Instant now, Map<PersonId, Optional<String>> known) {
        return known.computeIfAbsent(p.id(), id -> availability.orderedStream()
                .map(a -> a.whyUnavailable(id, now)).flatMap(Optional::stream).findFirst());
    }

    private static Suggestion suggestion(Row learner, PersonSummary host, RoleStatus status, int gap, double overlap) {
        PersonSummary l = learner.person();
        List<String> why = new ArrayList<>();
        String learners = l.department().label().toLowerCase(Locale.ROOT);
        why.add(status.seenBy() == 0 ? "Nobody in " + learners + " has seen " + Coverage.a(status.role()) + "'s work yet"
                : "Only " + status.seenBy() + " in " + learners + " has seen " + Coverage.a(status.role()) + "'s work");
        if (learner.seenNothing()) {
            why.add(l.displayName() + " has seen nothing of " + host.department().label().toLowerCase(Locale.ROOT) + " yet");
        }
        String zones = l.zone().equals(host.zone()) ? "both in " + l.zone().getId()
                : l.zone().getId() + " and " + host.zone().getId();
        why.add(hours(overlap) + " a week of both working hours overlap (" + zones + ")");
        why.add(hours(learner.budget().leftHours()) + " of " + l.displayName() + "'s budget left this quarter");
        return new Suggestion(l, host, status.role(), gap, overlap, learner.budget().leftHours(),
                String.join("; ", why) + ".");
    }

    static String hours(double h) {
        return (h == Math.rint(h) ? String.valueOf((long) h) : String.format(Locale.ENGLISH, "%.1f", h)) + " h";
    }

    /** Hours in the coming week (from next Monday, UTC) inside both people's working hours, each in their zone. */
    static double overlapHours(PersonSummary a, PersonSummary b, Instant now) {
        return overlapHours(a.workingHours(), a.zone(), b.workingHours(), b.zone(), now);
    }

    static double overlapHours(WorkingHours a, java.time.ZoneId za, WorkingHours b, java.time.ZoneId zb, Instant now) {
        Instant from = now.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        int quarters = 0;
        for (Instant t = from; t.isBefore(from.plus(Duration.ofDays(7))); t = t.plus(15, ChronoUnit.MINUTES)) {
            if (a.includes(t.atZone(za)) && b.includes(t.atZone(zb))) {
                quarters++;
            }
        }
        return quarters / 4.0;
    }
}
