package org.smartketing.comms.messages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.smartketing.SmartketingApplication;
import org.smartketing.comms.Audience;
import org.smartketing.comms.Messenger;
import org.smartketing.comms.NewMessage;
import org.smartketing.comms.Urgency;
import org.smartketing.shared.Sql;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.WorkingHours;
import org.smartketing.team.people.People;
import org.smartketing.team.people.Person;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.awaitility.Awaitility.await;

/**
 * The messaging benchmark, run on purpose (its name keeps it out of the unit tests):
 * {@code bench/messaging.sh}, or
 * {@code SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/smartketing_bench ./mvnw -o test -Dtest=MessagingBench}.
 * <ol>
 * <li>Planning: PEOPLE people (default 1,000), MESSAGES URGENT messages (default 100,000) to one random
 * person each, sent through the {@link Messenger} in transactions of 100, with no node polling for
 * jobs: messages planned and handed to the outbox per second.</li>
 * <li>Lateness: PENDING (default 10,000) further messages whose first step's job comes due over the
 * next minute (spread evenly), then a node polling every POLLING (default 1s) delivers them to the
 * in-app inbox: how late each job ran after its deadline (delivery time minus due time), p50 and p99.
 * It is the same job (comms-step) that carries every escalation step.</li>
 * </ol>
 * Runs in a schema of its own ({@code comms_bench}) on PostgreSQL, dropped first.
 */
class MessagingBench {

    static final int PEOPLE = Integer.getInteger("bench.people", 1_000);
    static final int MESSAGES = Integer.getInteger("bench.messages", 100_000);
    static final int PENDING = Integer.getInteger("bench.pending", 10_000);
    static final String POLLING = System.getProperty("bench.polling", "1s");

    static ConfigurableApplicationContext node(String polling, String name) {
        String postgres = System.getenv("SPRING_DATASOURCE_URL");
        if (postgres == null) {
            throw new IllegalStateException("set SPRING_DATASOURCE_URL to a PostgreSQL database");
        }
        String url = postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=comms_bench";
        return new SpringApplicationBuilder(SmartketingApplication.class).profiles("test").run(
                "--spring.datasource.url=" + url, "--spring.flyway.schemas=comms_bench", "--server.port=0",
                "--smartketing.jobs.polling-interval=" + polling, "--smartketing.jobs.threads=8",
                "--spring.jmx.enabled=false", "--logging.level.root=warn",
                "--logging.file.name=./target/bench/comms-" + name + ".json");
    }

    @Test
    void run() throws IOException {
        String postgres = System.getenv("SPRING_DATASOURCE_URL");
        JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(postgres,
                System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres"), ""))
                .sql("DROP SCHEMA IF EXISTS comms_bench CASCADE").update();
        List<String> report = new ArrayList<>();
        List<PersonId> people = new ArrayList<>();
        try (ConfigurableApplicationContext planner = node("10s", "planner")) {
            // This node only plans: its scheduler runs nothing, so delivery does not share the measured time.
            planner.getBean(com.github.kagkarlsson.scheduler.Scheduler.class).pause();
            JdbcClient jdbc = planner.getBean(JdbcClient.class);
            People repository = planner.getBean(People.class);
            Messenger messenger = planner.getBean(Messenger.class);
            TransactionTemplate tx = new TransactionTemplate(planner.getBean(PlatformTransactionManager.class));
            PersonId manager = null;
            for (int i = 0; i < PEOPLE; i++) {
                Person p = Person.invited("bench." + i + "@bench.example.com", "Bench Person " + i,
                        i % 2 == 0 ? Department.SALES : Department.MARKETING, i % 50 == 0 ? AppRole.MANAGER : AppRole.MEMBER,
                        "Account executive", ZoneId.of("Europe/Berlin"), WorkingHours.standard(),
                        i % 50 == 0 ? null : manager, Instant.now());
                repository.insert(p);
                if (i % 50 == 0) {
                    manager = p.id();
                }
                people.add(p.id());
            }
            PersonId sender = people.get(1);
            Random random = new Random(42);
            // Warm-up, not counted.
            send(tx, messenger, sender, people, random, 2_000);
            long start = System.nanoTime();
            send(tx, messenger, sender, people, random, MESSAGES);
            double seconds = (System.nanoTime() - start) / 1e9;
            report.add(String.format("planned and handed to the outbox: %,d messages to %,d people in %.1f s = %.0f messages/s",
                    MESSAGES, PEOPLE, seconds, MESSAGES / seconds));
            System.out.println(report.get(0));
            long steps = jdbc.sql("SELECT COUNT(*) FROM comms_step").query(Long.class).single();
            report.add(String.format("  (%,d plan steps stored, %.1f per message)", steps, steps / (double) (MESSAGES + 2_000)));

            // The pending jobs for the lateness run: nothing else is due.
            jdbc.sql("DELETE FROM scheduled_tasks WHERE task_name LIKE 'comms-%'").update();
            jdbc.sql("UPDATE comms_step SET state = 'SKIPPED' WHERE state IN ('PENDING', 'PLANNED')").update();
            send(tx, messenger, sender, people, random, PENDING);
            // Everyone's first FYI-free URGENT channel is the in-app inbox (defaults without a phone or chat).
            List<String> jobs = jdbc.sql("SELECT task_instance FROM scheduled_tasks WHERE task_name = 'comms-step'")
                    .query(String.class).list();
            // Due evenly over one minute, starting once the polling node below has surely started.
            Instant first = Instant.now().plus(Duration.ofSeconds(60));
            List<Object[]> times = new ArrayList<>();
            for (int i = 0; i < jobs.size(); i++) {
                times.add(new Object[] { Sql.utc(first.plusMillis(i * 60_000L / jobs.size())), jobs.get(i) });
            }
            org.springframework.jdbc.core.JdbcTemplate template = planner.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
            template.batchUpdate("UPDATE scheduled_tasks SET execution_time = ? WHERE task_name = 'comms-step' AND task_instance = ?",
                    times);
            jdbc.sql("""
                    UPDATE comms_step s SET due_at = t.execution_time FROM scheduled_tasks t
                    WHERE t.task_name = 'comms-step' AND s.id = CAST(SPLIT_PART(t.task_instance, '/', 1) AS UUID)""")
                    .update();
            report.add(String.format("pending jobs: %,d, due evenly over 60 s from %s (planned at %s)", jobs.size(), first, Instant.now()));
        }
        try (ConfigurableApplicationContext runner = node(POLLING, "runner")) {
            JdbcClient jdbc = runner.getBean(JdbcClient.class);
            // Done when every measured first step went out (their escalations stay scheduled an hour ahead).
            await("every first step went out").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> jdbc.sql("SELECT COUNT(*) FROM comms_step WHERE step_no = 0 AND state = 'PENDING'")
                            .query(Long.class).single() == 0);
            List<Long> late = jdbc.sql("""
                    SELECT a.at, s.due_at FROM comms_attempt a JOIN comms_step s ON s.id = a.step_id
                    WHERE a.attempt = 1 AND s.step_no = 0 AND s.state IN ('DELIVERED', 'FAILED')""")
                    .query((rs, n) -> Duration.between(Sql.instant(rs, "due_at"), Sql.instant(rs, "at")).toMillis())
                    .list().stream().sorted().toList();
            report.add(String.format("escalation-step jobs run late by (polling every %s, %,d jobs): p50 %d ms, p99 %d ms, max %d ms",
                    POLLING, late.size(), Math.round(org.smartketing.shared.Percentiles.median(late).orElse(0)),
                    Math.round(org.smartketing.shared.Percentiles.of(late, 0.99).orElse(0)),
                    late.isEmpty() ? null : late.get(late.size() - 1)));
        }
        report.forEach(System.out::println);
        Path out = Path.of("target", "bench", "messaging-" + Instant.now().getEpochSecond() + ".txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    private static void send(TransactionTemplate tx, Messenger messenger, PersonId sender, List<PersonId> people,
            Random random, int count) {
        for (int done = 0; done < count; done += 100) {
            int batch = Math.min(100, count - done);
            tx.executeWithoutResult(status -> {
                for (int i = 0; i < batch; i++) {
                    PersonId to = people.get(random.nextInt(people.size()));
                    if (to.equals(sender)) {
                        to = people.get(0);
                    }
                    messenger.send(new NewMessage(sender, Audience.person(to), Urgency.URGENT, "Bench message",
                            "A message from the benchmark.", null, null));
                }
            });
        }
    }
}
