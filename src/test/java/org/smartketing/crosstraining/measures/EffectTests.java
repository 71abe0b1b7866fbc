package org.smartketing.crosstraining.measures;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.smartketing.crosstraining.measures.HandoffFact.Kind;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The difference in differences against a table worked out by hand.
 *
 * <pre>
 * Marketers (period 1 Feb – 1 Apr; comparison cut = median of 1 Mar and 11 Mar = 6 Mar)
 *             first session   before: handed / rejected     after: handed / rejected
 *   Mia       1 Mar           4 / 2 (market, budget)        4 / 1 (budget)   one lead handed again after its rejection
 *   Noah      11 Mar          2 / 1 (market)                0 / 0            a period with none
 *   Olga      —               4 / 1 (budget)                4 / 2 (too small ×2)
 *   Pia       —               0 / 0                         0 / 0            a person with no handoffs
 *   participants 6/3 = 0.50 → 4/1 = 0.25; others 4/1 = 0.25 → 4/2 = 0.50
 *   difference in differences = (0.25 − 0.50) − (0.50 − 0.25) = −0.50; 4–6 leads a cell: too few to claim
 *
 * Reps (comparison cut 1 Mar)
 *   Rob       1 Mar           answers 4 h, 6 h (median 5); 1 breach     1 h, 3 h (median 2); 0 breaches
 *   Sam       —               2 h, 4 h (median 3); 0 breaches           5 h and none (median 5); 1 breach
 *   hours: (2 − 5) − (5 − 3) = −5; breaches per lead: (0 − 0.5) − (0.5 − 0) = −1
 * </pre>
 */
class EffectTests {

    static final Instant FROM = Instant.parse("2026-02-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-04-01T00:00:00Z");

    final List<HandoffFact> facts = new ArrayList<>();
    final PersonId mia = PersonId.random();
    final PersonId noah = PersonId.random();
    final PersonId olga = PersonId.random();
    final PersonId pia = PersonId.random();
    final PersonId rob = PersonId.random();
    final PersonId sam = PersonId.random();

    final List<Effect.Person> people = List.of(
            new Effect.Person(mia, "Mia", Department.MARKETING, day(1, 3)),
            new Effect.Person(noah, "Noah", Department.MARKETING, day(11, 3)),
            new Effect.Person(olga, "Olga", Department.MARKETING, null),
            new Effect.Person(pia, "Pia", Department.MARKETING, null),
            new Effect.Person(rob, "Rob", Department.SALES, day(1, 3)),
            new Effect.Person(sam, "Sam", Department.SALES, null));

    @Test
    void marketersRejectionRateAgainstTheHandComputedTable() {
        UUID handedTwice = handover(mia, day(2, 2), "Not in our market");
        handover(mia, day(3, 2), "No budget");
        handover(mia, day(4, 2), null);
        handover(mia, day(5, 2), null);
        facts.add(new HandoffFact(Kind.HANDED_OVER, handedTwice, mia, null, day(2, 3)));
        handover(mia, day(3, 3), "No budget");
        handover(mia, day(4, 3), null);
        handover(mia, day(5, 3), null);
        handover(noah, day(6, 2), "Not in our market");
        handover(noah, day(7, 2), null);
        handover(olga, day(8, 2), "No budget");
        handover(olga, day(9, 2), null);
        handover(olga, day(10, 2), null);
        handover(olga, day(11, 2), null);
        handover(olga, day(10, 3), "Too small");
        handover(olga, day(12, 3), "Too small");
        handover(olga, day(13, 3), null);
        handover(olga, day(14, 3), null);
        handover(olga, day(15, 1), "Outside the period"); // January: not measured

        Effect.Measure m = Effect.marketers(people, facts, FROM, TO);

        assertThat(m.comparisonCut()).isEqualTo(day(6, 3));
        cell(m.participantsBefore(), 6, 3);
        cell(m.participantsAfter(), 4, 1);
        cell(m.othersBefore(), 4, 1);
        cell(m.othersAfter(), 4, 2);
        assertThat(m.participantsBefore().rejectionRate()).isEqualTo(0.5);
        assertThat(m.difference()).isCloseTo(-0.5, within(1e-9));
        assertThat(m.enough()).isFalse();
        assertThat(m.verdict()).startsWith("Too few leads to tell");
        assertThat(m.participantsBefore().topReasons()).containsExactly(Map.entry("Not in our market", 2),
                Map.entry("No budget", 1));
        assertThat(m.othersAfter().topReasons()).containsExactly(Map.entry("Too small", 2));

        Effect.PersonRow noahs = row(m, "Noah");
        assertThat(noahs.after().leads()).isZero();
        assertThat(noahs.after().rejectionRate()).as("a period with none has no rate").isNull();
        Effect.PersonRow pias = row(m, "Pia");
        assertThat(pias.before().leads()).isZero();
        assertThat(pias.after().leads()).isZero();
        assertThat(pias.cut()).as("one who did not take part is cut at the comparison date").isEqualTo(day(6, 3));
        assertThat(row(m, "Mia").before().rejected()).isEqualTo(2);
        assertThat(row(m, "Mia").after().rejected()).as("the lead handed again was not rejected again").isEqualTo(1);
    }

    @Test
    void repsTimeToAnswerAndBreachesAgainstTheHandComputedTable() {
        assignment(rob, day(2, 2), 4, 1);
        assignment(rob, day(3, 2), 6, 0);
        assignment(rob, day(2, 3), 1, 0);
        assignment(rob, day(3, 3), 3, 0);
        assignment(sam, day(4, 2), 2, 0);
        assignment(sam, day(5, 2), 4, 0);
        assignment(sam, day(4, 3), 5, 0);
        assignment(sam, day(5, 3), null, 1);

        Effect.Measure m = Effect.reps(people, facts, FROM, TO);

        assertThat(m.comparisonCut()).isEqualTo(day(1, 3));
        assertThat(m.participantsBefore().medianHoursToAnswer()).isEqualTo(5.0);
        assertThat(m.participantsAfter().medianHoursToAnswer()).isEqualTo(2.0);
        assertThat(m.othersBefore().medianHoursToAnswer()).isEqualTo(3.0);
        assertThat(m.othersAfter().medianHoursToAnswer()).isEqualTo(5.0);
        assertThat(m.othersAfter().answered()).isEqualTo(1);
        assertThat(m.othersAfter().leads()).isEqualTo(2);
        assertThat(m.difference()).isCloseTo(-5.0, within(1e-9));
        assertThat(m.participantsBefore().breaches()).isEqualTo(1);
        assertThat(m.othersAfter().breaches()).isEqualTo(1);
        assertThat(m.breachDifference()).isCloseTo(-1.0, within(1e-9));
    }

    @Test
    void nothingIsComparedWhileNobodyHasTakenPart() {
        List<Effect.Person> nobody = List.of(new Effect.Person(olga, "Olga", Department.MARKETING, null));
        handover(olga, day(8, 2), "No budget");
        Effect.Measure m = Effect.marketers(nobody, facts, FROM, TO);
        assertThat(m.comparisonCut()).isNull();
        assertThat(m.difference()).isNull();
        assertThat(m.verdict()).isEqualTo("Nobody in marketing has taken part yet: nothing to compare.");
        assertThat(m.othersBefore().leads()).isEqualTo(1);
    }

    private UUID handover(PersonId marketer, Instant at, String rejectedFor) {
        UUID lead = UUID.randomUUID();
        facts.add(new HandoffFact(Kind.HANDED_OVER, lead, marketer, null, at));
        if (rejectedFor != null) {
            facts.add(new HandoffFact(Kind.REJECTED, lead, rob, rejectedFor, at.plus(Duration.ofHours(3))));
            facts.add(new HandoffFact(Kind.ANSWERED, lead, rob, null, at.plus(Duration.ofHours(3))));
        }
        return lead;
    }

    private void assignment(PersonId rep, Instant at, Integer answeredAfterHours, int breaches) {
        UUID lead = UUID.randomUUID();
        facts.add(new HandoffFact(Kind.ASSIGNED, lead, rep, null, at));
        for (int i = 0; i < breaches; i++) {
            facts.add(new HandoffFact(Kind.BREACHED, lead, rep, "ACCEPT", at.plus(Duration.ofMinutes(90))));
        }
        if (answeredAfterHours != null) {
            facts.add(new HandoffFact(Kind.ANSWERED, lead, rep, null, at.plus(Duration.ofHours(answeredAfterHours))));
        }
    }

    private static void cell(Effect.Cell cell, int leads, int rejected) {
        assertThat(cell.leads()).isEqualTo(leads);
        assertThat(cell.rejected()).isEqualTo(rejected);
    }

    private static Effect.PersonRow row(Effect.Measure m, String name) {
        return m.people().stream().filter(r -> r.person().name().equals(name)).findFirst().orElseThrow();
    }

    private static Instant day(int day, int month) {
        return Instant.parse("2026-%02d-%02dT10:00:00Z".formatted(month, day));
    }
}
