package org.smartketing.shared.events;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smartketing.SmartketingApplication;
import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.LeadStageChanged;
import org.smartketing.funnel.intake.IncomingLead;
import org.smartketing.funnel.intake.LeadIntake;
import org.smartketing.funnel.leads.LeadHistory;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.WorkingHours;
import org.smartketing.team.people.People;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.ApiTokens;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reaction in another part fails: the lead it reacts to is stored all the same, the publication
 * stays incomplete (and shows on {@code /actuator/events}), and once the fault is gone the reaction
 * happens once — tried again by the running node, or by the next node to start on the database
 * after the first one stopped. Runs whole applications of its own, each test on a database of its
 * own (a named in-memory H2 that outlives them, or a schema of the suite's PostgreSQL database).
 */
class ReactionRecoveryTests {

    /** A part that reads the funnel, as insights will, and can be made to fail. */
    static class LeadBook {

        static volatile boolean broken;
        static final AtomicInteger failures = new AtomicInteger();
        static final Map<LeadId, AtomicInteger> booked = new ConcurrentHashMap<>();

        private final Reactions reactions;

        LeadBook(Reactions reactions) {
            this.reactions = reactions;
        }

        @ApplicationModuleListener
        void on(LeadStageChanged changed) {
            if (broken) {
                failures.incrementAndGet();
                throw new IllegalStateException("the lead book is down");
            }
            reactions.once("test.lead-book", changed.eventId(),
                    () -> booked.computeIfAbsent(changed.leadId(), k -> new AtomicInteger()).incrementAndGet());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ReadingPart {

        @Bean
        LeadBook leadBook(Reactions reactions) {
            return new LeadBook(reactions);
        }
    }

    @AfterEach
    void repaired() {
        LeadBook.broken = false;
    }

    @Test
    void aFailingReactionKeepsTheLeadStaysVisiblyIncompleteAndHappensOnceWhenTheFaultIsGone() throws Exception {
        LeadBook.broken = true;
        try (ConfigurableApplicationContext node = node("reaction_recovery_running", "1s")) {
            LeadId lead = aLead(node);
            assertThat(node.getBean(Leads.class).byId(lead)).as("the lead is stored").isPresent();

            await().until(() -> LeadBook.failures.get() >= 2 && "FAILED".equals(status(node, lead)));
            assertThat(attempts(node, lead)).as("tried again, and again it failed").isGreaterThanOrEqualTo(2);
            String outstanding = operations(node);
            assertThat(outstanding).contains("LeadBook.on(org.smartketing.funnel.LeadStageChanged)", "\"FAILED\"",
                    "\"nextTryAt\"");

            LeadBook.broken = false;
            await().untilAsserted(() -> {
                assertThat(booked(lead)).isEqualTo(1);
                assertThat(status(node, lead)).as("completed, moved to the archive").isNull();
            });
            node.getBean(Resubmission.class).resubmitDue();
            assertThat(booked(lead)).as("once").isEqualTo(1);
            assertThat(archived(node, lead)).isEqualTo(1);
            assertThat(operations(node)).doesNotContain(lead.toString());
        }
    }

    @Test
    void aReactionLeftIncompleteWhenItsNodeStoppedHappensOnceOnTheNextNode() {
        LeadId lead;
        LeadBook.broken = true;
        // No look for failed publications within the test: only the restart can bring it back.
        try (ConfigurableApplicationContext first = node("reaction_recovery_restart", "1h")) {
            lead = aLead(first);
            await().until(() -> "FAILED".equals(status(first, lead)));
        }
        assertThat(booked(lead)).isZero();
        LeadBook.broken = false;
        try (ConfigurableApplicationContext second = node("reaction_recovery_restart", "1h")) {
            await().untilAsserted(() -> {
                assertThat(booked(lead)).isEqualTo(1);
                assertThat(status(second, lead)).isNull();
            });
            assertThat(archived(second, lead)).isEqualTo(1);
        }
    }

    static ConfigurableApplicationContext node(String database, String resubmitEvery) {
        String postgres = System.getenv("SPRING_DATASOURCE_URL");
        String url = postgres == null ? "jdbc:h2:mem:" + database + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"
                : postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=" + database;
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--server.port=0",
                "--smartketing.jobs.polling-interval=200ms", "--smartketing.events.resubmit-every=" + resubmitEvery,
                "--smartketing.events.first-retry-after=200ms", "--spring.jmx.enabled=false",
                "--logging.file.name=./target/test-logs/" + database + ".json"));
        if (postgres != null) {
            args.add("--spring.flyway.schemas=" + database);
        }
        return new SpringApplicationBuilder(SmartketingApplication.class, ReadingPart.class).profiles("test")
                .run(args.toArray(String[]::new));
    }

    static LeadId aLead(ConfigurableApplicationContext node) {
        IncomingLead in = new IncomingLead("booked." + UUID.randomUUID() + "@example.com", null, null, null, "Bo", "Oked", "Acme", null, null, null, null, null, null, null, null, null, null, null, "web", null, null, null, null, List.of(), null, null, null);
        return node.getBean(LeadIntake.class).take(in, LeadHistory.Channel.API).lead().id();
    }

    static int booked(LeadId lead) {
        AtomicInteger n = LeadBook.booked.get(lead);
        return n == null ? 0 : n.get();
    }

    /** The lead book's publication for the lead's creation: its status, or null once it left the table. */
    static String status(ConfigurableApplicationContext node, LeadId lead) {
        return ours(node, lead, "event_publication", "status").stream().findFirst().orElse(null);
    }

    static int attempts(ConfigurableApplicationContext node, LeadId lead) {
        return Integer.parseInt(ours(node, lead, "event_publication", "completion_attempts").get(0));
    }

    static long archived(ConfigurableApplicationContext node, LeadId lead) {
        return ours(node, lead, "event_publication_archive", "id").size();
    }

    private static List<String> ours(ConfigurableApplicationContext node, LeadId lead, String table, String column) {
        return node.getBean(JdbcClient.class).sql("SELECT " + column + " FROM " + table
                + " WHERE listener_id LIKE '%LeadBook.on%' AND serialized_event LIKE ?")
                .param("%\"leadId\":\"" + lead + "\"%").query((rs, n) -> rs.getString(1)).list();
    }

    /** What an operator sees on {@code GET /actuator/events}, with an admin's read token. */
    static String operations(ConfigurableApplicationContext node) throws Exception {
        Person admin = Person.invited("ops." + UUID.randomUUID() + "@example.com", "Ops Admin", Department.OPERATIONS,
                AppRole.ADMIN, null, ZoneId.of("UTC"), WorkingHours.standard(), null, Instant.now());
        node.getBean(People.class).insert(admin);
        String token = node.getBean(ApiTokens.class).create(admin.id(), "ops", TokenScope.READ).secret();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port") + "/actuator/events"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }
}
