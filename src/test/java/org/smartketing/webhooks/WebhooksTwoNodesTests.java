package org.smartketing.webhooks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.smartketing.funnel.intake.IncomingLead;
import org.smartketing.funnel.intake.LeadIntake;
import org.smartketing.funnel.leads.LeadHistory;
import org.smartketing.support.DueJobs;
import org.smartketing.support.LocalReceiver;
import org.smartketing.support.SeparateApplications;
import org.smartketing.webhooks.endpoints.EndpointEditing;
import org.smartketing.webhooks.endpoints.Signatures;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one database, both taking in leads and both running delivery jobs: the receiver
 * takes each event exactly once, whichever node published it and whichever ran its jobs, also when
 * its first ten answers are failures and those deliveries are tried again.
 */
class WebhooksTwoNodesTests {

    static final int LEADS = 20;

    /** A node that keeps the endpoint on through the failures (the test profile turns it off after four). */
    static ConfigurableApplicationContext node(String name) {
        return SeparateApplications.node("webhooks-nodes", name, Duration.ofMillis(200),
                "--smartketing.webhooks.disable-after-failures=1000");
    }

    @Test
    void eachEventIsDeliveredOnceWithTwoNodes() {
        LocalReceiver receiver = LocalReceiver.get();
        String path = "/hooks/two-nodes/" + UUID.randomUUID();
        Integer[] firstAnswers = new Integer[LEADS / 2];
        java.util.Arrays.fill(firstAnswers, 500);
        receiver.answer(path, firstAnswers);
        try (ConfigurableApplicationContext first = node("first"); ConfigurableApplicationContext second = node("second")) {
            String secret = first.getBean(EndpointEditing.class)
                    .create(receiver.url(path), List.of("lead.created"), "Two nodes").secret();
            List<UUID> leads = new ArrayList<>();
            for (int i = 0; i < LEADS; i++) {
                LeadIntake intake = (i % 2 == 0 ? first : second).getBean(LeadIntake.class);
                leads.add(intake.take(IncomingLead.of("node" + i + "." + UUID.randomUUID() + "@example.com", null,
                        null, "Node", null, null, "US", null, "two-nodes", null, null), LeadHistory.Channel.API).lead()
                        .id().value());
            }
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            await("every lead delivered").atMost(Duration.ofSeconds(60)).until(() -> jdbc
                    .sql("SELECT COUNT(*) FROM webhook_delivery WHERE state = 'DELIVERED'").query(Long.class)
                    .single() == LEADS);
            DueJobs.awaitRun(first.getBean(SchedulerClient.class), "webhook-attempt", Duration.ofSeconds(10));

            List<LocalReceiver.Received> all = receiver.receivedAt(path);
            assertThat(all).as("the ten calls that failed, and one taken call per event").hasSize(LEADS + LEADS / 2);
            Set<String> ids = new HashSet<>();
            for (LocalReceiver.Received r : all) {
                assertThat(Signatures.verifies(secret, r.header("webhook-id"),
                        Long.parseLong(r.header("webhook-timestamp")), r.body(), r.header("webhook-signature"))).isTrue();
                ids.add(r.header("webhook-id"));
            }
            assertThat(ids).as("one webhook-id per event").hasSize(LEADS);
            for (UUID lead : leads) {
                assertThat(all.stream().filter(r -> r.body().contains(lead.toString())).map(r -> r.header("webhook-id"))
                        .distinct()).as("lead " + lead).hasSize(1);
            }
            assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_attempt WHERE response_code = 200").query(Long.class)
                    .single()).as("one taken attempt per event").isEqualTo(LEADS);
        }
    }
}
