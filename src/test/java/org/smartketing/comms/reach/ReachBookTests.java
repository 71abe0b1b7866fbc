package org.smartketing.comms.reach;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.comms.Channel;
import org.smartketing.comms.Urgency;
import org.smartketing.funnel.RepAvailability;
import org.smartketing.funnel.Stage;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadStages;
import org.smartketing.funnel.routing.LeadRouter;
import org.smartketing.funnel.routing.RoutingRule;
import org.smartketing.funnel.routing.RoutingSetup;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the router reads: defaults from the channels a person has, confirmed expectations, off-grid periods. */
@IntegrationTest
class ReachBookTests {

    @Autowired
    ReachBook book;

    @Autowired
    ReachEditing editing;

    @Autowired
    ContactMethods methods;

    @Autowired
    Fixtures fixtures;

    @Autowired
    List<RepAvailability> availability;

    @Autowired
    LeadRouter router;

    @Autowired
    LeadStages stages;

    Person person;
    Person delegate;
    RoutingSetup routingBefore;

    @BeforeEach
    void people() {
        person = fixtures.aPerson(AppRole.MEMBER);
        delegate = fixtures.aPerson(AppRole.MEMBER);
        routingBefore = router.setup();
    }

    @AfterEach
    void restoreRouting() {
        router.replace(routingBefore.basedOn(router.setup().version()));
    }

    @Test
    void givesANewPersonDefaultsThatUseOnlyWhatReachesThem() {
        Reach reach = book.reachOf(person.id(), Instant.now()).orElseThrow();

        assertThat(reach.confirmed()).isFalse();
        assertThat(reach.verifiedAddresses()).containsOnlyKeys(Channel.EMAIL, Channel.IN_APP)
                .containsEntry(Channel.EMAIL, person.email()).containsEntry(Channel.IN_APP, person.id().toString());
        assertThat(reach.expectation(Urgency.URGENT)).isEqualTo(
                new Reach.Expectation(List.of(Channel.IN_APP, Channel.EMAIL), Duration.ofHours(1)));
        assertThat(reach.expectation(Urgency.NORMAL)).isEqualTo(
                new Reach.Expectation(List.of(Channel.IN_APP, Channel.EMAIL), Duration.ofHours(4)));
        assertThat(reach.expectation(Urgency.FYI)).isEqualTo(
                new Reach.Expectation(List.of(Channel.IN_APP, Channel.EMAIL), Duration.ofDays(2)));
        assertThat(reach.quietHours()).isNull();
        assertThat(reach.offGrid()).isEmpty();
    }

    @Test
    void putsVerifiedPhoneAndChatFirstInTheDefaults() {
        verified(ContactMethods.Kind.PHONE, "+4915112345678");
        verified(ContactMethods.Kind.CHAT, "https://chat.example.com/hooks/x");

        Reach reach = book.reachOf(person.id(), Instant.now()).orElseThrow();

        assertThat(reach.expectation(Urgency.URGENT).channels()).containsExactly(Channel.SMS, Channel.CHAT, Channel.EMAIL);
        assertThat(reach.expectation(Urgency.NORMAL).channels()).containsExactly(Channel.CHAT, Channel.EMAIL);
        assertThat(reach.verifiedAddresses()).containsEntry(Channel.VOICE, "+4915112345678");
    }

    @Test
    void anUnverifiedPhoneReachesNobody() {
        methods.replace(new ContactMethods.ContactMethod(UUID.randomUUID(), person.id(), ContactMethods.Kind.PHONE,
                "+4915112345678", "hash", Instant.now().plusSeconds(600), 5, null, Instant.now()));

        assertThat(book.reachOf(person.id(), Instant.now()).orElseThrow().canUse(Channel.SMS)).isFalse();
        assertThatThrownBy(() -> editing.saveExpectations(person.id(), expectations(List.of("SMS"))))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("SMS is not verified for this person");
    }

    @Test
    void keepsConfirmedExpectationsAndQuietHours() {
        verified(ContactMethods.Kind.PHONE, "+4915112345678");
        editing.saveExpectations(person.id(), new ExpectationsInput(
                new ExpectationsInput.UrgencyInput(List.of("voice", "SMS"), 15),
                new ExpectationsInput.UrgencyInput(List.of("EMAIL"), 480),
                new ExpectationsInput.UrgencyInput(List.of("IN_APP"), 10080),
                new ExpectationsInput.QuietHoursInput("22:00", "07:00")));

        Reach reach = book.reachOf(person.id(), Instant.now()).orElseThrow();

        assertThat(reach.confirmed()).isTrue();
        assertThat(reach.expectation(Urgency.URGENT)).isEqualTo(
                new Reach.Expectation(List.of(Channel.VOICE, Channel.SMS), Duration.ofMinutes(15)));
        assertThat(reach.expectation(Urgency.FYI).responseTime()).isEqualTo(Duration.ofDays(7));
        assertThat(reach.quietHours()).isEqualTo(new Reach.QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0)));
    }

    @Test
    void coversTheOffGridPeriodFromItsStartUntilJustBeforeItsEnd() {
        verified(ContactMethods.Kind.PHONE, "+4915112345678");
        Instant from = Instant.now().plus(Duration.ofDays(1));
        Instant until = from.plus(Duration.ofDays(3));
        editing.addOffGrid(person.id(), new OffGridInput(from, until, delegate.id().value(), List.of("SMS"),
                List.of(), null, "Hiking"));

        assertThat(book.reachOf(person.id(), from.minusMillis(1)).orElseThrow().offGrid()).isEmpty();
        Reach away = book.reachOf(person.id(), from).orElseThrow();
        assertThat(away.offGrid()).get().satisfies(o -> {
            assertThat(o.delegate()).isEqualTo(delegate.id());
            assertThat(o.stillReach()).isEqualTo(Map.of(Urgency.URGENT, List.of(Channel.SMS)));
            assertThat(o.channelsFor(Urgency.NORMAL)).isEmpty();
        });
        assertThat(book.reachOf(person.id(), until.minusMillis(1)).orElseThrow().isOffGrid()).isTrue();
        assertThat(book.reachOf(person.id(), until).orElseThrow().isOffGrid()).isFalse();
    }

    @Test
    void knowsNobodyWhoIsDisabledOrUnknown() {
        fixtures.disable(person);
        assertThat(book.reachOf(person.id(), Instant.now())).isEmpty();
        assertThat(book.reachOf(new org.smartketing.team.PersonId(UUID.randomUUID()), Instant.now())).isEmpty();
    }

    @Test
    void leadRoutingSkipsARepWhoIsOffGridNow() {
        Instant now = Instant.now();
        editing.addOffGrid(person.id(), new OffGridInput(now.minusSeconds(60), now.plus(Duration.ofDays(2)),
                delegate.id().value(), List.of(), List.of(), List.of(), null));

        assertThat(availability.stream().map(a -> a.whyUnavailable(person.id(), now)).flatMap(java.util.Optional::stream))
                .singleElement().asString().startsWith("is off-grid until ");
        router.replace(new RoutingSetup(router.setup().version(), null, List.of(new RoutingRule(UUID.randomUUID(),
                "Iceland", "IS", null, null, List.of(person.id().value(), delegate.id().value()), null)), List.of()));
        Lead lead = stages.move(fixtures.aLead("IS").id(), new Lead.Transition(Stage.MQL, null, null, null));

        assertThat(lead.ownerId()).isEqualTo(delegate.id().value());
    }

    private void verified(ContactMethods.Kind kind, String address) {
        methods.replace(new ContactMethods.ContactMethod(UUID.randomUUID(), person.id(), kind, address, null, null, 0,
                Instant.now(), Instant.now()));
    }

    static ExpectationsInput expectations(List<String> urgent) {
        return new ExpectationsInput(new ExpectationsInput.UrgencyInput(urgent, 60),
                new ExpectationsInput.UrgencyInput(List.of("EMAIL"), 240),
                new ExpectationsInput.UrgencyInput(List.of("IN_APP"), 2880), null);
    }
}
