package org.smartketing.crosstraining;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.smartketing.crosstraining.sessions.Session;
import org.smartketing.crosstraining.sessions.Sessions;
import org.smartketing.support.Fixtures;
import org.smartketing.support.SeparateApplications;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.WorkingHours;
import org.smartketing.team.people.People;
import org.smartketing.team.people.Person;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A session's reminder and its "no reflection yet" reminder survive a restart and go once, through
 * the router, with two nodes on one database. Whole applications of its own, as ActionItemJobsRestartTests.
 */
class CrossTrainingJobsRestartTests {

    static ConfigurableApplicationContext node(String name, Duration polling) {
        return SeparateApplications.node("crosstraining-restart", name, polling);
    }

    @Test
    void theSessionsRemindersGoOnceAfterARestartEvenWithTwoNodes() throws Exception {
        Session session;
        Person rep;
        Person marketer;
        try (ConfigurableApplicationContext first = node("first", Duration.ofHours(1))) {
            People people = first.getBean(People.class);
            rep = person(people, Department.SALES);
            marketer = person(people, Department.MARKETING);
            session = first.getBean(Sessions.class).plan(new Sessions.NewSession("PLANNED", "How reps read a lead",
                    rep.id().value(), List.of(marketer.id().value()), Instant.now().plus(Duration.ofDays(3)), 60, null,
                    null, null), Fixtures.signedIn(rep));
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jobs(jdbc, session)).isEqualTo(2);
            // The application is down while the days pass: the jobs are due when it comes back.
            jdbc.sql("UPDATE scheduled_tasks SET execution_time = ? WHERE task_instance LIKE ?")
                    .params(Timestamp.from(Instant.now().minusSeconds(60)), session.id() + "@%").update();
        }
        try (ConfigurableApplicationContext second = node("second", Duration.ofMillis(200));
                ConfigurableApplicationContext third = node("third", Duration.ofMillis(200))) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            Session s = session;
            await("jobs ran").atMost(Duration.ofSeconds(60)).until(() -> jobs(jdbc, s) == 0);
            List<String> sent = jdbc.sql("""
                    SELECT m.audience_ref || ' ' || m.subject FROM comms_message m
                    WHERE m.regarding_kind = 'cross-training-session' AND m.regarding_id = ? ORDER BY 1""")
                    .param(session.id().toString()).query(String.class).list();
            assertThat(sent).containsExactlyInAnyOrder(rep.id() + " Tomorrow: How reps read a lead",
                    marketer.id() + " Tomorrow: How reps read a lead", marketer.id() + " What did you learn? How reps read a lead");
        }
    }

    private static long jobs(JdbcClient jdbc, Session s) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance LIKE ?").param(s.id() + "@%")
                .query(Long.class).single();
    }

    private static Person person(People people, Department department) {
        String name = "Member " + UUID.randomUUID().toString().substring(0, 8);
        Person p = Person.invited(name.replace(' ', '.').toLowerCase() + "@example.com", name, department,
                AppRole.MEMBER, department == Department.SALES ? "Account executive" : "Content marketer",
                ZoneId.of("Europe/Berlin"), WorkingHours.standard(), null, Instant.now());
        people.insert(p);
        return p;
    }
}
