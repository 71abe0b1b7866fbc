package org.smartketing.crosstraining.measures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.smartketing.shared.Percentiles;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;

/**
 * Cross-training's effect on handoffs as a difference in differences: for the people who took part,
 * before and after their own first session; for those who did not, before and after the median first
 * session of their department's participants. (after − before) of the participants minus (after −
 * before) of the others. Marketers: the share of the leads they handed over that sales rejected,
 * and the reasons. Reps: hours from assignment to accepting or rejecting (median), and SLA breaches
 * per lead assigned. Counts are always shown; below {@link #ENOUGH} in any of the four cells the
 * result says so instead of claiming anything. A pure function of its inputs.
 */
public final class Effect {

    public static final int ENOUGH = 20;

    /** Someone the measure looks at, with the start of their first session if they took part. */
    public record Person(PersonId id, String name, Department department, Instant firstSession) {

        public boolean tookPart() {
            return firstSession != null;
        }
    }

    /** One group in one period: leads handed over (or assigned) and what came of them. */
    public record Cell(int leads, int rejected, Map<String, Integer> reasons, int answered, Double medianHoursToAnswer,
            int breaches) {

        public Double rejectionRate() {
            return leads == 0 ? null : (double) rejected / leads;
        }

        public Double breachRate() {
            return leads == 0 ? null : (double) breaches / leads;
        }

        /** The three most given rejection reasons, most given first. */
        public List<Map.Entry<String, Integer>> topReasons() {
            return reasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                    .thenComparing(Map.Entry.comparingByKey())).limit(3).toList();
        }
    }

    public record PersonRow(Person person, Instant cut, Cell before, Cell after) {
    }

    /**
     * One department's measure. {@code difference} is in the measure's own unit (rate points for
     * rejections and breaches, hours for answers); null when a cell has nothing to compare.
     */
    public record Measure(Department department, Instant comparisonCut, Cell participantsBefore,
            Cell participantsAfter, Cell othersBefore, Cell othersAfter, Double difference, Double breachDifference,
            boolean enough, List<PersonRow> people) {

        /** What may be said about it, in words. */
        public String verdict() {
            if (comparisonCut == null) {
                return "Nobody in " + department.label().toLowerCase() + " has taken part yet: nothing to compare.";
            }
            if (difference == null) {
                return "A group or period has no leads yet: nothing to compare.";
            }
            if (!enough) {
                return "Too few leads to tell (fewer than " + ENOUGH + " in a group and period); the counts are shown.";
            }
            return department == Department.MARKETING
                    ? String.format(java.util.Locale.ENGLISH, "Rejections moved %+.1f points for those who took part, against the others.",
                            difference * 100)
                    : String.format(java.util.Locale.ENGLISH, "Time to accept moved %+.1f h for those who took part, against the others.",
                            difference);
        }
    }

    private Effect() {
    }

    public static Measure marketers(List<Person> people, List<HandoffFact> facts, Instant from, Instant to) {
        return measure(Department.MARKETING, people, facts, from, to);
    }

    public static Measure reps(List<Person> people, List<HandoffFact> facts, Instant from, Instant to) {
        return measure(Department.SALES, people, facts, from, to);
    }

    private static Measure measure(Department department, List<Person> all, List<HandoffFact> facts, Instant from,
            Instant to) {
        List<Person> people = all.stream().filter(p -> p.department() == department).toList();
        List<Instant> firsts = people.stream().filter(Person::tookPart).map(Person::firstSession).sorted().toList();
        Instant comparison = firsts.isEmpty() ? null : median(firsts);
        boolean marketing = department == Department.MARKETING;
        Map<PersonId, List<Outcome>> outcomes = marketing ? handovers(facts, from, to) : assignments(facts, from, to);
        Map<Boolean, List<Outcome>> participants = new HashMap<>();
        Map<Boolean, List<Outcome>> others = new HashMap<>();
        List<PersonRow> rows = new ArrayList<>();
        for (Person p : people) {
            Instant cut = p.tookPart() ? p.firstSession() : comparison;
            List<Outcome> mine = outcomes.getOrDefault(p.id(), List.of());
            List<Outcome> before = cut == null ? mine : mine.stream().filter(o -> o.at().isBefore(cut)).toList();
            List<Outcome> after = cut == null ? List.of() : mine.stream().filter(o -> !o.at().isBefore(cut)).toList();
            Map<Boolean, List<Outcome>> group = p.tookPart() ? participants : others;
            group.computeIfAbsent(false, k -> new ArrayList<>()).addAll(before);
            group.computeIfAbsent(true, k -> new ArrayList<>()).addAll(after);
            rows.add(new PersonRow(p, cut, cell(before), cell(after)));
        }
        Cell pb = cell(participants.getOrDefault(false, List.of()));
        Cell pa = cell(participants.getOrDefault(true, List.of()));
        Cell ob = cell(others.getOrDefault(false, List.of()));
        Cell oa = cell(others.getOrDefault(true, List.of()));
        Double difference = marketing ? did(pb.rejectionRate(), pa.rejectionRate(), ob.rejectionRate(), oa.rejectionRate())
                : did(pb.medianHoursToAnswer(), pa.medianHoursToAnswer(), ob.medianHoursToAnswer(), oa.medianHoursToAnswer());
        Double breaches = marketing ? null : did(pb.breachRate(), pa.breachRate(), ob.breachRate(), oa.breachRate());
        boolean enough = comparison != null && List.of(pb, pa, ob, oa).stream().allMatch(c -> c.leads() >= ENOUGH);
        rows.sort(Comparator.comparing(r -> r.person().name(), String.CASE_INSENSITIVE_ORDER));
        return new Measure(department, comparison, pb, pa, ob, oa, comparison == null ? null : difference,
                comparison == null ? null : breaches, enough, rows);
    }

    /** (after − before) of the participants minus (after − before) of the others, or null. */
    static Double did(Double participantsBefore, Double participantsAfter, Double othersBefore, Double othersAfter) {
        if (participantsBefore == null || participantsAfter == null || othersBefore == null || othersAfter == null) {
            return null;
        }
        return (participantsAfter - participantsBefore) - (othersAfter - othersBefore);
    }

    /** What came of one lead handed over or assigned. */
    private record Outcome(Instant at, boolean rejected, String reason, Double hoursToAnswer, int breaches) {
    }

    private static Cell cell(List<Outcome> outcomes) {
        Map<String, Integer> reasons = new LinkedHashMap<>();
        List<Double> hours = new ArrayList<>();
        int rejected = 0;
        int breaches = 0;
        for (Outcome o : outcomes) {
            if (o.rejected()) {
                rejected++;
                reasons.merge(o.reason() == null ? "no reason given" : o.reason(), 1, Integer::sum);
            }
            if (o.hoursToAnswer() != null) {
                hours.add(o.hoursToAnswer());
            }
            breaches += o.breaches();
        }
        Double median = hours.isEmpty() ? null : Percentiles.median(hours).getAsDouble();
        return new Cell(outcomes.size(), rejected, reasons, hours.size(), median, breaches);
    }

    /** Each handover in the period, rejected when sales rejected the lead before it was handed over again. */
    private static Map<PersonId, List<Outcome>> handovers(List<HandoffFact> facts, Instant from, Instant to) {
        Map<UUID, List<HandoffFact>> byLead = byLead(facts);
        Map<PersonId, List<Outcome>> out = new HashMap<>();
        byLead.values().forEach(lead -> {
            for (int i = 0; i < lead.size(); i++) {
                HandoffFact h = lead.get(i);
                if (h.kind() != HandoffFact.Kind.HANDED_OVER || h.person() == null || !in(h.at(), from, to)) {
                    continue;
                }
                HandoffFact rejection = null;
                for (int j = i + 1; j < lead.size() && lead.get(j).kind() != HandoffFact.Kind.HANDED_OVER; j++) {
                    if (lead.get(j).kind() == HandoffFact.Kind.REJECTED && rejection == null) {
                        rejection = lead.get(j);
                    }
                }
                out.computeIfAbsent(h.person(), k -> new ArrayList<>()).add(new Outcome(h.at(), rejection != null,
                        rejection == null ? null : rejection.reason(), null, 0));
            }
        });
        return out;
    }

    /** Each assignment in the period: hours until sales answered it, and its owner's breaches until it moved on. */
    private static Map<PersonId, List<Outcome>> assignments(List<HandoffFact> facts, Instant from, Instant to) {
        Map<UUID, List<HandoffFact>> byLead = byLead(facts);
        Map<PersonId, List<Outcome>> out = new HashMap<>();
        byLead.values().forEach(lead -> {
            for (int i = 0; i < lead.size(); i++) {
                HandoffFact a = lead.get(i);
                if (a.kind() != HandoffFact.Kind.ASSIGNED || a.person() == null || !in(a.at(), from, to)) {
                    continue;
                }
                Double hours = null;
                int breaches = 0;
                for (int j = i + 1; j < lead.size() && lead.get(j).kind() != HandoffFact.Kind.ASSIGNED; j++) {
                    HandoffFact f = lead.get(j);
                    if (f.kind() == HandoffFact.Kind.ANSWERED && hours == null) {
                        hours = Duration.between(a.at(), f.at()).toMinutes() / 60.0;
                    }
                    if (f.kind() == HandoffFact.Kind.BREACHED && a.person().equals(f.person())) {
                        breaches++;
                    }
                }
                out.computeIfAbsent(a.person(), k -> new ArrayList<>()).add(new Outcome(a.at(), false, null, hours, breaches));
            }
        });
        return out;
    }

    private static Map<UUID, List<HandoffFact>> byLead(List<HandoffFact> facts) {
        Map<UUID, List<HandoffFact>> byLead = new LinkedHashMap<>();
        facts.stream().sorted(Comparator.comparing(HandoffFact::at))
                .forEach(f -> byLead.computeIfAbsent(f.leadId(), k -> new ArrayList<>()).add(f));
        return byLead;
    }

    private static boolean in(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    private static Instant median(List<Instant> sorted) {
        int n = sorted.size();
        if (n % 2 == 1) {
            return sorted.get(n / 2);
        }
        Instant a = sorted.get(n / 2 - 1);
        return a.plus(Duration.between(a, sorted.get(n / 2)).dividedBy(2));
    }
}
