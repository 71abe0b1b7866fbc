package org.smartketing.funnel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.funnel.intake.IncomingLead;
import org.smartketing.funnel.intake.LeadIntake;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadHistory;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.funnel.routing.LeadRouter;
import org.smartketing.funnel.routing.RoutingRule;
import org.smartketing.funnel.routing.RoutingSetup;
import org.smartketing.funnel.scoring.FitRule;
import org.smartketing.funnel.scoring.LeadScoring;
import org.smartketing.funnel.scoring.ScoringRules;
import org.smartketing.funnel.sla.ClockRun;
import org.smartketing.funnel.sla.SlaClocks;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many leads at once from several threads, a third of them hot enough to become MQLs on arrival:
 * each MQL is routed and gets its two clocks in its own transaction, and its owner is told exactly
 * once, after commit, through the event publication registry (every publication completed once).
 */
@IntegrationTest
class IntakeUnderLoadTests {

    static final int LEADS = 200;
    static final int THREADS = 6;
    static final String HOT = "load-hot";

    @Autowired
    LeadIntake intake;

    @Autowired
    Leads leads;

    @Autowired
    LeadScoring scoring;

    @Autowired
    LeadRouter router;

    @Autowired
    SlaClocks clocks;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    ScoringRules scoringBefore;
    RoutingSetup routingBefore;
    List<Person> reps;

    @BeforeEach
    void repsForEveryLeadAndARuleThatMakesHotLeadsMqls() {
        scoringBefore = scoring.rules();
        routingBefore = router.setup();
        reps = IntStream.range(0, 4).mapToObj(i -> fixtures.aPerson(AppRole.MEMBER)).toList();
        scoring.replaceRules(scoringBefore.withMqlThreshold(1000).withFitRules(List.of(new FitRule(UUID.randomUUID(),
                FitRule.Field.TAG, FitRule.Operator.EQUALS, HOT, 1000))));
        router.replace(routingBefore.withDefaultOpenLeadCap(null).withRules(List.of(new RoutingRule(UUID.randomUUID(),
                "Everyone", null, null, null, reps.stream().map(p -> p.id().value()).toList(), null)))
                .withOutOfOffice(List.of()));
    }

    @AfterEach
    void restore() {
        scoring.replaceRules(scoringBefore.basedOn(scoring.rules().version()));
        router.replace(routingBefore.basedOn(router.setup().version()));
    }

    @Test
    void routesStartsTheClocksAndNotifiesEveryMqlOnceUnderLoad() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Lead> taken = takeAtOnce(IntStream.range(0, LEADS).mapToObj(i -> new IncomingLead("load." + run + "." + i + "@example.com", null, null, null, "Lee", "Load " + i, "Load Co", null, null, null, null, null, null, null, "DE", null, null, null, "web", null, null, null, null, i % 3 == 0 ? List.of(HOT) : List.of(), null, null, null)).toList());
        List<LeadId> mqls = taken.stream().filter(l -> l.tags().contains(HOT)).map(Lead::id).toList();
        List<LeadId> others = taken.stream().filter(l -> !l.tags().contains(HOT)).map(Lead::id).toList();
        assertThat(mqls).hasSize(67);

        await().untilAsserted(() -> assertThat(mqls).allSatisfy(lead -> assertThat(assignedNotices(lead)).isEqualTo(1)));

        Map<UUID, Long> perOwner = mqls.stream().map(lead -> leads.byId(lead).orElseThrow())
                .collect(Collectors.groupingBy(Lead::ownerId, Collectors.counting()));
        assertThat(perOwner.keySet()).containsExactlyInAnyOrderElementsOf(reps.stream().map(p -> p.id().value()).toList());
        assertThat(perOwner.values()).as("round robin under load").allSatisfy(n -> assertThat(n).isBetween(16L, 17L));
        for (LeadId lead : mqls) {
            Lead stored = leads.byId(lead).orElseThrow();
            assertThat(stored.stage()).isEqualTo(Stage.MQL);
            assertThat(clocks.clocksOf(lead)).extracting(ClockRun::clock, ClockRun::ownerId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(ClockRun.Kind.ACCEPT, stored.ownerId()),
                            org.assertj.core.groups.Tuple.tuple(ClockRun.Kind.FIRST_CONTACT, stored.ownerId()));
            assertThat(noticeRecipient(lead)).isEqualTo(stored.ownerId());
            assertThat(completedPublications(lead, LeadAssigned.class)).as("one delivery to each listener, completed")
                    .isEqualTo(LISTENERS_OF_LEAD_ASSIGNED);
            assertThat(outstandingPublications(lead)).as("nothing left waiting").isZero();
        }
        assertThat(others).allSatisfy(lead -> {
            assertThat(leads.byId(lead).orElseThrow().ownerId()).isNull();
            assertThat(clocks.clocksOf(lead)).isEmpty();
            assertThat(assignedNotices(lead)).isZero();
        });
    }

    private List<Lead> takeAtOnce(List<IncomingLead> incoming) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Lead>> futures = new ArrayList<>();
            for (IncomingLead in : incoming) {
                futures.add(pool.submit(() -> intake.take(in, LeadHistory.Channel.API).lead()));
            }
            List<Lead> taken = new ArrayList<>();
            for (Future<Lead> f : futures) {
                taken.add(f.get());
            }
            return taken;
        }
        finally {
            pool.shutdown();
        }
    }

    private long assignedNotices(LeadId lead) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM comms_message m JOIN comms_recipient r ON r.message_id = m.id
                WHERE m.regarding_kind = 'lead' AND m.regarding_id = ? AND m.subject LIKE 'Lead assigned:%'""")
                .param(lead.toString()).query(Long.class).single();
    }

    private UUID noticeRecipient(LeadId lead) {
        return jdbc.sql("""
                SELECT r.person_id FROM comms_message m JOIN comms_recipient r ON r.message_id = m.id
                WHERE m.regarding_kind = 'lead' AND m.regarding_id = ? AND m.subject LIKE 'Lead assigned:%'""")
                .param(lead.toString()).query(UUID.class).single();
    }

    /** Comms' notification, cross-training's handoff record, insights' assignment rollup and the webhooks' feed. */
    static final long LISTENERS_OF_LEAD_ASSIGNED = 4;

    private long completedPublications(LeadId lead, Class<?> event) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication_archive WHERE event_type = ? AND serialized_event LIKE ?")
                .params(event.getName(), "%\"leadId\":\"" + lead + "\"%").query(Long.class).single();
    }

    private long outstandingPublications(LeadId lead) {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE ?")
                .param("%\"leadId\":\"" + lead + "\"%").query(Long.class).single();
    }
}
