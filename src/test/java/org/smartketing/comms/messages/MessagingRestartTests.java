package org.smartketing.comms.messages;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.smartketing.SmartketingApplication;
import org.smartketing.comms.Audience;
import org.smartketing.comms.MessageId;
import org.smartketing.comms.Messenger;
import org.smartketing.comms.NewMessage;
import org.smartketing.comms.Urgency;
import org.smartketing.comms.reach.ReachEditing;
import org.smartketing.team.people.People;
import org.smartketing.team.people.Person;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An escalation step is a persistent job: the application that sent an URGENT message stops
 * before the next step is due, and the application started afterwards on the same database pages
 * the manager exactly once when the promised time has passed. Runs whole applications of its own
 * (see SlaJobsRestartTests): a named in-memory H2 that outlives them, or a schema of its own on
 * the suite's PostgreSQL database.
 */
class MessagingRestartTests {

    static final String H2 = "jdbc:h2:mem:comms-restart;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    static final Receivers.SmsProvider SMS = new Receivers.SmsProvider();

    @AfterAll
    static void stop() {
        SMS.server.stop(0);
    }

    static ConfigurableApplicationContext node(String name) {
        String postgres = System.getenv("SPRING_DATASOURCE_URL");
        String url = postgres == null ? H2
                : postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=comms_restart";
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--server.port=0",
                "--smartketing.jobs.polling-interval=200ms", "--spring.jmx.enabled=false",
                "--smartketing.comms.outbound.allow-private=true", "--smartketing.comms.sms.url=" + SMS.url(),
                "--smartketing.comms.sms.from=+15550000000",
                "--logging.file.name=./target/test-logs/comms-restart-" + name + ".json"));
        if (postgres != null) {
            args.add("--spring.flyway.schemas=comms_restart");
        }
        return new SpringApplicationBuilder(SmartketingApplication.class).profiles("test").run(args.toArray(String[]::new));
    }

    @Test
    void theNextEscalationStepIsDeliveredOnceByTheApplicationStartedAfterARestart() {
        String ritasPhone = Receivers.aPhone();
        String maxsPhone = Receivers.aPhone();
        MessageId message;
        Person rita;
        try (ConfigurableApplicationContext first = node("first")) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            People people = first.getBean(People.class);
            ReachEditing reach = first.getBean(ReachEditing.class);
            Person max = MessagingTwoNodesTests.person(people, "Max", null);
            rita = MessagingTwoNodesTests.person(people, "Rita", max.id());
            Person mia = MessagingTwoNodesTests.person(people, "Mia", null);
            Receivers.verifiedPhone(jdbc, rita.id(), ritasPhone);
            Receivers.verifiedPhone(jdbc, max.id(), maxsPhone);
            Receivers.expects(reach, rita.id(), List.of("SMS"), 30, List.of("EMAIL"), List.of("EMAIL"));
            Receivers.expects(reach, max.id(), List.of("SMS"), 30, List.of("EMAIL"), List.of("EMAIL"));

            message = first.getBean(Messenger.class).send(new NewMessage(mia.id(), Audience.person(rita.id()),
                    Urgency.URGENT, "Server down", "The demo server is down.", null, null));
            MessageId sent = message;
            await("Rita's text").atMost(Duration.ofSeconds(30)).until(() -> !SMS.to(ritasPhone).isEmpty());
            // Rita's step's own job counts too until its outcome is written: wait for the manager's step.
            await("the manager's step waits as a job").atMost(Duration.ofSeconds(10))
                    .until(() -> "PENDING".equals(state(jdbc, sent, 1)) && jobsOf(jdbc, sent) == 1);
        }
        assertThat(SMS.to(maxsPhone)).as("nobody paged the manager before the promised time").isEmpty();

        try (ConfigurableApplicationContext second = node("second")) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            MessageId sent = message;
            // Rita promised 30 minutes; the time passes while the new application runs.
            Instant pastThePromise = Instant.now().plus(Duration.ofMinutes(31));
            await("the manager's step after the restart").atMost(Duration.ofSeconds(30)).until(() -> {
                Receivers.catchUp(jdbc, pastThePromise);
                return "DELIVERED".equals(state(jdbc, sent, 1));
            });
            // Its job finishes after the step is marked: once none is left, nothing more can be sent.
            await("the message's jobs are done").atMost(Duration.ofSeconds(10)).until(() -> jobsOf(jdbc, sent) == 0);

            assertThat(SMS.to(maxsPhone)).as("texts to the manager").hasSize(1);
            assertThat(SMS.to(ritasPhone)).as("texts to Rita").hasSize(1);
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM comms_attempt a JOIN comms_step s ON s.id = a.step_id WHERE s.message_id = ?""")
                    .param(sent.value()).query(Long.class).single()).as("one attempt per step").isEqualTo(2L);
            assertThat(jobsOf(jdbc, sent)).isZero();
        }
    }

    private static String state(JdbcClient jdbc, MessageId message, int step) {
        return jdbc.sql("SELECT state FROM comms_step WHERE message_id = ? AND step_no = ?")
                .params(message.value(), step).query(String.class).optional().orElse(null);
    }

    private static long jobsOf(JdbcClient jdbc, MessageId message) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM scheduled_tasks t JOIN comms_step s ON t.task_instance LIKE CAST(s.id AS VARCHAR(36)) || '/%'
                WHERE t.task_name = 'comms-step' AND s.message_id = ?""").param(message.value()).query(Long.class).single();
    }
}
