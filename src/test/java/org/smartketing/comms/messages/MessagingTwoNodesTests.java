package org.smartketing.comms.messages;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.smartketing.SmartketingApplication;
import org.smartketing.comms.Audience;
import org.smartketing.comms.MessageId;
import org.smartketing.comms.Messenger;
import org.smartketing.comms.NewMessage;
import org.smartketing.comms.Urgency;
import org.smartketing.comms.reach.ReachEditing;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.WorkingHours;
import org.smartketing.team.people.People;
import org.smartketing.team.people.Person;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two application nodes on one PostgreSQL database, both polling for jobs: every step of every
 * escalation (the off-grid rep's text, her delegate's, her manager's) is delivered exactly once.
 * Runs on PostgreSQL only (CI), in a schema of its own so the suite's other applications on the
 * same database cannot take its jobs.
 */
class MessagingTwoNodesTests {

    static final Receivers.SmsProvider SMS = new Receivers.SmsProvider();
    static final int MESSAGES = 20;

    @AfterAll
    static void stop() {
        SMS.server.stop(0);
    }

    static ConfigurableApplicationContext node(String name, String postgres) {
        String url = postgres + (postgres.contains("?") ? "&" : "?") + "currentSchema=comms_nodes";
        return new SpringApplicationBuilder(SmartketingApplication.class).profiles("test").run(
                "--spring.datasource.url=" + url, "--spring.flyway.schemas=comms_nodes", "--server.port=0",
                "--smartketing.jobs.polling-interval=200ms", "--spring.jmx.enabled=false",
                "--smartketing.comms.outbound.allow-private=true", "--smartketing.comms.sms.url=" + SMS.url(),
                "--smartketing.comms.sms.from=+15550000000",
                "--logging.file.name=./target/test-logs/comms-" + name + ".json");
    }

    @Test
    void eachEscalationStepIsDeliveredExactlyOnceWithTwoNodes() {
        String postgres = System.getenv("SPRING_DATASOURCE_URL");
        assumeTrue(postgres != null && postgres.startsWith("jdbc:postgresql:"), "needs PostgreSQL (CI runs it)");
        try (ConfigurableApplicationContext first = node("first", postgres);
                ConfigurableApplicationContext second = node("second", postgres)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            People people = first.getBean(People.class);
            ReachEditing reach = first.getBean(ReachEditing.class);
            Person max = person(people, "Max", null);
            Person rita = person(people, "Rita", max.id());
            Person dana = person(people, "Dana", max.id());
            Person mia = person(people, "Mia", null);
            List<String> phones = new ArrayList<>();
            for (Person p : List.of(rita, dana, max)) {
                String phone = Receivers.aPhone();
                phones.add(phone);
                Receivers.verifiedPhone(jdbc, p.id(), phone);
                Receivers.expects(reach, p.id(), List.of("SMS"), 5, List.of("EMAIL"), List.of("EMAIL"));
            }
            Receivers.offGrid(reach, rita.id(), dana.id(), List.of("SMS"));

            List<MessageId> sent = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                Messenger messenger = (i % 2 == 0 ? first : second).getBean(Messenger.class);
                sent.add(messenger.send(new NewMessage(mia.id(), Audience.person(rita.id()), Urgency.URGENT,
                        "Outage " + i, "The demo server is down.", null, null)));
            }
            // Nobody acknowledges: let every escalation come due as soon as the step before went out.
            Instant farAhead = Instant.now().plus(Duration.ofDays(1));
            await("all escalation steps delivered").atMost(Duration.ofSeconds(90)).until(() -> {
                Receivers.catchUp(jdbc, farAhead);
                return jdbc.sql("SELECT COUNT(*) FROM comms_step WHERE recipient_id = ? AND state = 'DELIVERED'")
                        .param(rita.id().value()).query(Long.class).single() == 3L * MESSAGES;
            });
            // A step is marked before its job ends: once no job is left, neither node can send again.
            await("every step's job done").atMost(Duration.ofSeconds(10)).until(() -> jdbc
                    .sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'comms-step'").query(Long.class)
                    .single() == 0);

            for (String phone : phones) {
                assertThat(SMS.to(phone)).as("texts to " + phone).hasSize(MESSAGES);
            }
            assertThat(jdbc.sql("""
                    SELECT COUNT(*) FROM comms_attempt a JOIN comms_step s ON s.id = a.step_id WHERE s.recipient_id = ?""")
                    .param(rita.id().value()).query(Long.class).single()).as("one attempt per step").isEqualTo(3L * MESSAGES);
            assertThat(sent).hasSize(MESSAGES);
        }
    }

    static Person person(People people, String name, PersonId manager) {
        String unique = name + " " + UUID.randomUUID().toString().substring(0, 8);
        Person p = Person.invited(unique.replace(' ', '.').toLowerCase() + "@example.com", unique, Department.SALES,
                AppRole.MEMBER, "Account executive", ZoneId.of("Europe/Berlin"), WorkingHours.standard(), manager,
                Instant.now());
        people.insert(p);
        return p;
    }
}
