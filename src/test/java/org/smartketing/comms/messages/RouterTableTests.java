package org.smartketing.comms.messages;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smartketing.comms.Channel;
import org.smartketing.comms.Urgency;
import org.smartketing.comms.reach.Reach;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.WorkingHours;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The router as a table: urgency × working hours / evening / quiet hours / off-grid × delegate
 * present → the plan. Rita works Mon–Fri 09:00–17:00 in Berlin with quiet hours 22:00–07:00 and
 * asked for URGENT by text then email (15 min), NORMAL by email then in-app (4 h), FYI in-app.
 * Off-grid she still takes URGENT by text. Dana is her delegate, Max her manager. 2026-11-27 is a
 * Friday (Berlin is UTC+1).
 */
class RouterTableTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Instant WORKING = Instant.parse("2026-11-27T10:00:00Z");
    static final Instant EVENING = Instant.parse("2026-11-27T19:00:00Z");
    static final Instant QUIET = Instant.parse("2026-11-27T23:00:00Z");
    static final Instant BACK = Instant.parse("2026-12-01T17:00:00Z");

    final PersonSummary max = person("Max", null);
    final PersonSummary dana = person("Dana", max.id());
    final PersonSummary rita = person("Rita", max.id());

    static PersonSummary person(String name, PersonId manager) {
        return new PersonSummary(new PersonId(UUID.randomUUID()), name.toLowerCase() + "@example.com", name,
                Department.SALES, AppRole.MEMBER, "Account executive", BERLIN, WorkingHours.standard(), manager, true);
    }

    Reach rita(boolean offGrid, boolean withDelegate) {
        Optional<Reach.OffGrid> period = offGrid ? Optional.of(new Reach.OffGrid(WORKING.minus(Duration.ofDays(1)), BACK,
                withDelegate ? dana.id() : null, Map.of(Urgency.URGENT, List.of(Channel.SMS)))) : Optional.empty();
        return new Reach(rita, Map.of(
                Urgency.URGENT, new Reach.Expectation(List.of(Channel.SMS, Channel.EMAIL), Duration.ofMinutes(15)),
                Urgency.NORMAL, new Reach.Expectation(List.of(Channel.EMAIL, Channel.IN_APP), Duration.ofHours(4)),
                Urgency.FYI, new Reach.Expectation(List.of(Channel.IN_APP), Duration.ofDays(1))),
                new Reach.QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)), period,
                Map.of(Channel.EMAIL, rita.email(), Channel.SMS, "+4915112345678", Channel.IN_APP, rita.id().toString()),
                true);
    }

    Optional<Reach> others(PersonId id) {
        if (id.equals(dana.id())) {
            return Optional.of(new Reach(dana, Map.of(
                    Urgency.URGENT, new Reach.Expectation(List.of(Channel.SMS), Duration.ofMinutes(30)),
                    Urgency.NORMAL, new Reach.Expectation(List.of(Channel.EMAIL), Duration.ofHours(8)),
                    Urgency.FYI, new Reach.Expectation(List.of(Channel.EMAIL), Duration.ofDays(2))), null,
                    Optional.empty(), Map.of(Channel.EMAIL, dana.email(), Channel.SMS, "+4915199999999"), true));
        }
        if (id.equals(max.id())) {
            return Optional.of(new Reach(max, Map.of(
                    // Max asked for a voice call first but never verified his phone: email it is.
                    Urgency.URGENT, new Reach.Expectation(List.of(Channel.VOICE), Duration.ofHours(1)),
                    Urgency.NORMAL, new Reach.Expectation(List.of(Channel.EMAIL), Duration.ofHours(8))), null,
                    Optional.empty(), Map.of(Channel.EMAIL, max.email()), true));
        }
        return Optional.empty();
    }

    @ParameterizedTest(name = "{0} at {1}, delegate {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            "URGENT | WORKING  | false | Rita:SMS > Rita:EMAIL > Max:EMAIL",
            "URGENT | EVENING  | false | Rita:SMS > Rita:EMAIL > Max:EMAIL",
            "URGENT | QUIET    | false | Rita:SMS > Rita:EMAIL > Max:EMAIL",
            "URGENT | OFF_GRID | true  | Rita:SMS > Dana:SMS > Max:EMAIL",
            "URGENT | OFF_GRID | false | Rita:SMS > Max:EMAIL",
            "NORMAL | WORKING  | false | Rita:EMAIL > Rita:IN_APP > Max:EMAIL",
            "NORMAL | EVENING  | false | Rita:EMAIL > Rita:IN_APP > Max:EMAIL",
            "NORMAL | QUIET    | false | Rita:EMAIL@2026-11-28T06:00:00Z > Rita:IN_APP > Max:EMAIL",
            "NORMAL | OFF_GRID | true  | Dana:EMAIL > Max:EMAIL",
            "NORMAL | OFF_GRID | false | Max:EMAIL",
            "FYI    | WORKING  | false | Rita:IN_APP",
            "FYI    | EVENING  | false | Rita:IN_APP@2026-11-30T08:00:00Z",
            "FYI    | QUIET    | false | Rita:IN_APP@2026-11-30T08:00:00Z",
            "FYI    | OFF_GRID | true  | Rita:IN_APP@2026-12-02T08:00:00Z",
    })
    void plansEachRecipientFromTheirReachAtTheMoment(Urgency urgency, String when, boolean delegate, String expected) {
        boolean offGrid = when.equals("OFF_GRID");
        Instant at = switch (when) {
            case "EVENING" -> EVENING;
            case "QUIET" -> QUIET;
            default -> WORKING;
        };
        RecipientPlan plan = Router.plan(rita(offGrid, delegate), urgency, at, this::others, null);
        assertThat(describe(plan)).isEqualTo(expected.strip());
        assertThat(plan.steps()).allSatisfy(s -> assertThat(s.reason()).isNotBlank());
        assertThat(plan.steps().get(plan.steps().size() - 1).waitFor()).as("the last step waits for nobody").isNull();
    }

    @Test
    void eachStepWaitsForTheResponseTimeOfThePersonItReached() {
        RecipientPlan plan = Router.plan(rita(true, true), Urgency.URGENT, WORKING, this::others, null);
        assertThat(plan.promised()).isEqualTo(Duration.ofMinutes(15));
        assertThat(plan.steps()).extracting(PlannedStep::waitFor)
                .containsExactly(Duration.ofMinutes(15), Duration.ofMinutes(30), null);
        assertThat(plan.steps().get(0).reason()).contains("off-grid until").contains("still takes urgent messages by text");
        assertThat(plan.steps().get(1).reason()).contains("Dana is their delegate");
        assertThat(plan.steps().get(2).reason()).contains("Rita's manager").contains("nobody acknowledged");
    }

    @Test
    void normalInTheEveningGoesNowButItsResponseTimeCountsFromTheNextWorkingMorning() {
        RecipientPlan plan = Router.plan(rita(false, false), Urgency.NORMAL, EVENING, this::others, null);
        // Friday 20:00 → Monday 09:00 Berlin is 61 hours, plus the 4 hours she promised.
        assertThat(plan.steps().get(0).waitFor()).isEqualTo(Duration.ofHours(65));
        assertThat(plan.steps().get(0).heldUntil()).isNull();
        assertThat(plan.steps().get(0).reason()).contains("outside working hours").contains("Mon 30 Nov 09:00");
    }

    @Test
    void aNamedLastResortTakesTheManagersPlace() {
        PersonSummary sponsor = dana;
        RecipientPlan plan = Router.plan(rita(false, false), Urgency.URGENT, WORKING, this::others, sponsor.id());
        assertThat(describe(plan)).isEqualTo("Rita:SMS > Rita:EMAIL > Dana:SMS");
        assertThat(plan.steps().get(2).reason()).contains("last resort named on the message");
    }

    @Test
    void aRecipientWithoutVerifiedChannelsIsReachedByEmail() {
        Reach unverified = new Reach(rita, Map.of(Urgency.URGENT,
                new Reach.Expectation(List.of(Channel.SMS), Duration.ofMinutes(10))), null, Optional.empty(),
                Map.of(Channel.EMAIL, rita.email()), false);
        RecipientPlan plan = Router.plan(unverified, Urgency.URGENT, WORKING, id -> Optional.empty(), null);
        assertThat(describe(plan)).isEqualTo("Rita:EMAIL");
        assertThat(plan.steps().get(0).reason()).contains("none of Rita's urgent channels is verified");
    }

    static String describe(RecipientPlan plan) {
        return plan.steps().stream().map(s -> s.person().displayName() + ":" + s.channel()
                + (s.heldUntil() == null ? "" : "@" + s.heldUntil())).collect(Collectors.joining(" > "));
    }

    @Test
    void leavesOutChannelsThisInstallationCannotSendWithTheReasonOnTheNextStep() {
        RecipientPlan plan = Router.plan(rita(false, false), Urgency.URGENT, WORKING, this::others, null);
        UsablePlan usable = UsablePlan.of(plan, c -> c == Channel.SMS ? Optional.of("text messages are not set up")
                : Optional.empty());

        assertThat(usable.fellBack()).isFalse();
        assertThat(usable.plan().steps()).extracting(PlannedStep::channel).doesNotContain(Channel.SMS)
                .first().isEqualTo(Channel.EMAIL);
        assertThat(usable.plan().steps().get(0).reason()).startsWith("text to Rita left out: text messages are not set up; ");
    }

    @Test
    void fallsBackToTheInAppInboxWhenNothingLeftWouldReachAnyone() {
        RecipientPlan plan = Router.plan(rita(false, false), Urgency.URGENT, WORKING, this::others, null);
        UsablePlan usable = UsablePlan.of(plan, c -> c == Channel.IN_APP || c == Channel.CHAT ? Optional.empty()
                : Optional.of(c == Channel.SMS ? "text messages are not set up" : "email is not set up"));

        assertThat(usable.fellBack()).isTrue();
        assertThat(usable.plan().steps()).singleElement().satisfies(step -> {
            assertThat(step.channel()).isEqualTo(Channel.IN_APP);
            assertThat(step.person()).isEqualTo(rita);
            assertThat(step.reason()).contains("text to Rita left out: text messages are not set up",
                    "email to Rita left out: email is not set up", "so the in-app inbox, as nothing else can reach Rita");
        });
    }

    @Test
    void keepsAPlanWhoseEveryChannelWorksAsItIs() {
        RecipientPlan plan = Router.plan(rita(true, true), Urgency.URGENT, WORKING, this::others, null);
        assertThat(UsablePlan.of(plan, c -> Optional.empty())).isEqualTo(new UsablePlan(plan, false));
    }
}
