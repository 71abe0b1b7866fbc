package org.smartketing.comms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.smartketing.comms.messages.AcknowledgementRecords;
import org.smartketing.comms.messages.AcknowledgementRecords.NeverAcknowledged;
import org.smartketing.comms.messages.AcknowledgementRecords.Received;
import org.smartketing.shared.Percentiles;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How other parts read acknowledgement against promise: for each person or department, over the
 * messages sent in [from, to), how many URGENT or NORMAL messages reached them, how many they
 * acknowledged, how many within the response time they promised, the median and 90th percentile
 * of their acknowledgement time ({@link Percentiles}), and the URGENT ones never acknowledged.
 *
 * <p>Acknowledgement time runs from the first delivery to the acknowledgement. A promise counts as
 * broken once its time has passed without an acknowledgement, and not at all before; "never
 * acknowledged" is URGENT, not acknowledged, and no step left to go. The department is the
 * person's now, from {@link TeamDirectory} (looked up for everyone at once).
 */
@Service
@Transactional(readOnly = true)
public class Responsiveness {

    /**
     * One person's or department's figures. {@code person} and {@code name} are set for a person,
     * {@code department} for both (null when the person is no longer known).
     *
     * @param kept          acknowledged within the promised time
     * @param broken        not acknowledged within it, once it has passed
     * @param shareKept     kept ÷ (kept + broken); 1 when no promise has been decided yet
     * @param shortestPromiseMinutes the shortest response time promised on any of the messages
     */
    public record Figures(PersonId person, String name, Department department, int messages, int acknowledged,
            int kept, int broken, Long medianMinutes, Long p90Minutes, Integer shortestPromiseMinutes, double shareKept,
            int urgentNeverAcknowledged) {
    }

    private final AcknowledgementRecords records;
    private final TeamDirectory directory;
    private final Clock clock;

    Responsiveness(AcknowledgementRecords records, TeamDirectory directory, Clock clock) {
        this.records = records;
        this.directory = directory;
        this.clock = clock;
    }

    /** Everyone who received an URGENT or NORMAL message in the period (or an URGENT one that never got through), by name. */
    public List<Figures> byPerson(Instant from, Instant to) {
        Period period = read(from, to);
        return period.people().stream().map(person -> {
            PersonSummary known = period.directory().get(person);
            String name = known != null ? known.displayName() : period.names().get(person);
            return figures(person, name, known == null ? null : known.department(),
                    period.received().getOrDefault(person, List.of()), period.never().getOrDefault(person, 0));
        }).sorted(Comparator.comparing(Figures::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** The same, added up per department (of each person now), in the departments' order. */
    public List<Figures> byDepartment(Instant from, Instant to) {
        Period period = read(from, to);
        Map<Department, List<Received>> received = new LinkedHashMap<>();
        Map<Department, Integer> never = new LinkedHashMap<>();
        for (PersonId person : period.people()) {
            PersonSummary known = period.directory().get(person);
            Department department = known == null ? null : known.department();
            received.computeIfAbsent(department, k -> new ArrayList<>())
                    .addAll(period.received().getOrDefault(person, List.of()));
            never.merge(department, period.never().getOrDefault(person, 0), Integer::sum);
        }
        return received.entrySet().stream()
                .map(e -> figures(null, e.getKey() == null ? "?" : e.getKey().label(), e.getKey(), e.getValue(),
                        never.get(e.getKey())))
                .sorted(Comparator.comparing(f -> f.department() == null ? Integer.MAX_VALUE : f.department().ordinal()))
                .toList();
    }

    /** One person's figures over the period, or nothing when no message reached them. */
    public Optional<Figures> of(PersonId person, Instant from, Instant to) {
        Objects.requireNonNull(person, "person");
        return byPerson(from, to).stream().filter(f -> person.equals(f.person())).findFirst();
    }

    private record Period(Set<PersonId> people, Map<PersonId, List<Received>> received, Map<PersonId, Integer> never,
            Map<PersonId, String> names, Map<PersonId, PersonSummary> directory) {
    }

    private Period read(Instant from, Instant to) {
        Map<PersonId, List<Received>> received = new LinkedHashMap<>();
        Map<PersonId, String> names = new HashMap<>();
        for (Received r : records.received(from, to)) {
            received.computeIfAbsent(r.person(), k -> new ArrayList<>()).add(r);
            names.put(r.person(), r.name());
        }
        Map<PersonId, Integer> never = new HashMap<>();
        for (NeverAcknowledged n : records.urgentNeverAcknowledged(from, to)) {
            never.put(n.person(), n.messages());
            names.putIfAbsent(n.person(), n.name());
        }
        Set<PersonId> people = new LinkedHashSet<>(received.keySet());
        people.addAll(never.keySet());
        return new Period(people, received, never, names, directory.people(people));
    }

    private Figures figures(PersonId person, String name, Department department, List<Received> rows, int never) {
        Instant now = clock.instant();
        List<Long> minutes = rows.stream().filter(r -> r.acknowledgedAt() != null)
                .map(r -> Duration.between(r.deliveredAt(), r.acknowledgedAt()).toMinutes()).toList();
        int kept = (int) rows.stream().filter(r -> r.acknowledgedAt() != null
                && !r.acknowledgedAt().isAfter(r.deadline())).count();
        int broken = (int) rows.stream().filter(r -> r.acknowledgedAt() == null
                ? now.isAfter(r.deadline()) : r.acknowledgedAt().isAfter(r.deadline())).count();
        Integer shortest = rows.stream().map(Received::promisedMinutes).min(Integer::compare).orElse(null);
        return new Figures(person, name, department, rows.size(), minutes.size(), kept, broken,
                minutes(Percentiles.median(minutes)), minutes(Percentiles.of(minutes, 0.9)), shortest,
                kept + broken == 0 ? 1.0 : (double) kept / (kept + broken), never);
    }

    private static Long minutes(OptionalDouble value) {
        return value.isPresent() ? Math.round(value.getAsDouble()) : null;
    }
}
