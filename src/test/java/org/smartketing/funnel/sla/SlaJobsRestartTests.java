package org.smartketing.funnel.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.smartketing.SmartketingApplication;
import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.SlaBreached;
import org.smartketing.funnel.SlaWarningReached;
import org.smartketing.team.people.Person;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The jobs are persistent and fire once: scheduled by one application that then stops before they
 * are due, they fire after a restart, and with two nodes on the database each fires on one node
 * only. Runs whole applications of its own on one database: a named in-memory H2 that outlives
 * them, or the PostgreSQL database the suite runs on.
 */
class SlaJobsRestartTests {

    static final String H2 = "jdbc:h2:mem:sla-restart;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    /** Events seen per node, by "node:event:lead:clock". */
    static final Map<String, AtomicInteger> SEEN = new ConcurrentHashMap<>();

    @Configuration(proxyBeanMethods = false)
    static class Recorder {

        @Bean
        Object slaEventRecorder(org.springframework.core.env.Environment env) {
            String node = env.getProperty("test.node", "?");
            return new Object() {
                @EventListener
                void on(SlaWarningReached e) {
                    SEEN.computeIfAbsent(node + ":warning:" + e.leadId() + ":" + e.clock(), k -> new AtomicInteger())
                            .incrementAndGet();
                }

                @EventListener
                void on(SlaBreached e) {
                    SEEN.computeIfAbsent(node + ":breach:" + e.leadId() + ":" + e.clock(), k -> new AtomicInteger())
                            .incrementAndGet();
                }
            };
        }
    }

    /**
     * On PostgreSQL the nodes use a schema of their own, so the suite's other applications, which
     * poll the same database, cannot take their jobs.
     */
    static ConfigurableApplicationContext node(String name, Duration polling) {
        String postgres = System.getenv("SPRING_DATASOURCE_URL");
        String url = postgres == null ? H2 : postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=sla_restart";
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--server.port=0",
                "--test.node=" + name, "--smartketing.jobs.polling-interval=" + polling.toMillis() + "ms",
                "--spring.jmx.enabled=false", "--logging.file.name=./target/test-logs/sla-" + name + ".json"));
        if (postgres != null) {
            args.add("--spring.flyway.schemas=sla_restart");
        }
        return new SpringApplicationBuilder(SmartketingApplication.class, Recorder.class).profiles("test")
                .run(args.toArray(String[]::new));
    }

    @Test
    void theJobsFireOnceAfterARestartEvenWithTwoNodes() {
        LeadId lead;
        Person rep;
        // The first node schedules the jobs and stops before it ever looks for due ones again.
        try (ConfigurableApplicationContext first = node("first", Duration.ofHours(1))) {
            Handoffs handoffs = new Handoffs(first);
            rep = handoffs.aRepWithAManager();
            lead = handoffs.anMql();
            handoffs.assign(lead, rep, Instant.now().minus(30, ChronoUnit.DAYS));
            assertThat(handoffs.jobsOf(lead)).isEqualTo(4);
            assertThat(handoffs.runs(lead)).allSatisfy(r -> assertThat(r.warnedAt()).isNull());
        }
        // Two nodes come up on the same database.
        try (ConfigurableApplicationContext second = node("second", Duration.ofMillis(200));
                ConfigurableApplicationContext third = node("third", Duration.ofMillis(200))) {
            Handoffs handoffs = new Handoffs(second);
            // A job leaves the table only once it has run, on whichever node: none left, none fires again.
            await("jobs ran").atMost(Duration.ofSeconds(30)).until(() -> handoffs.jobsOf(lead) == 0);
            assertThat(handoffs.runs(lead)).hasSize(2).allSatisfy(r -> {
                assertThat(r.warnedAt()).isNotNull();
                assertThat(r.breachedAt()).isNotNull();
            });
            for (String event : new String[] { "warning", "breach" }) {
                for (String clock : new String[] { "ACCEPT", "FIRST_CONTACT" }) {
                    int fired = count("first", event, lead, clock) + count("second", event, lead, clock)
                            + count("third", event, lead, clock);
                    assertThat(fired).as(event + " of " + clock).isEqualTo(1);
                }
            }
            assertThat(count("first", "warning", lead, "ACCEPT")).isZero();
            assertThat(handoffs.audited(lead, "sla-warning")).isEqualTo(2);
            assertThat(handoffs.audited(lead, "sla-breach")).isEqualTo(2);
            await().untilAsserted(() -> assertThat(handoffs.messagesTo(rep, "SLA")).isEqualTo(4));
        }
    }

    private static int count(String node, String event, LeadId lead, String clock) {
        AtomicInteger n = SEEN.get(node + ":" + event + ":" + lead + ":" + clock);
        return n == null ? 0 : n.get();
    }
}
