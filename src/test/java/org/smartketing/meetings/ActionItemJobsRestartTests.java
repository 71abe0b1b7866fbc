package org.smartketing.meetings;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.smartketing.meetings.planning.Meeting;
import org.smartketing.meetings.planning.MeetingPlanning;
import org.smartketing.meetings.planning.MeetingStore;
import org.smartketing.meetings.running.ActionItem;
import org.smartketing.meetings.running.MeetingRunner;
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
 * An item's reminder, overdue and escalation jobs survive a restart and fire once with two nodes
 * on one database. Runs whole applications of its own (see SlaJobsRestartTests for the set-up).
 */
class ActionItemJobsRestartTests {

    static ConfigurableApplicationContext node(String name, Duration polling) {
        return SeparateApplications.node("meetings-restart", name, polling);
    }

    @Test
    void theItemsJobsFireOnceAfterARestartEvenWithTwoNodes() throws Exception {
        ActionItemId item;
        LocalDate due;
        try (ConfigurableApplicationContext first = node("first", Duration.ofHours(1))) {
            People people = first.getBean(People.class);
            Person sponsor = person(people, AppRole.MANAGER, Department.MANAGEMENT);
            Person rep = person(people, AppRole.MEMBER, Department.SALES);
            Person marketer = person(people, AppRole.MEMBER, Department.MARKETING);
            MeetingPlanning planning = first.getBean(MeetingPlanning.class);
            var series = planning.create(Plans.weekly("Restart sync", 2, sponsor, rep, marketer), Fixtures.signedIn(rep))
                    .series();
            Meeting meeting = first.getBean(MeetingStore.class).ofSeries(series.id()).get(0);
            MeetingRunner runner = first.getBean(MeetingRunner.class);
            runner.start(meeting.id(), Fixtures.signedIn(rep));
            due = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(3);
            ActionItem added = runner.addItem(meeting.id(), new MeetingRunner.NewItem("Call the webinar leads", null,
                    due, null, null, null), Fixtures.signedIn(rep));
            item = added.id();
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jobs(jdbc, item)).isEqualTo(3);
            // The application is down while the days pass: the jobs are due when it comes back.
            jdbc.sql("UPDATE scheduled_tasks SET execution_time = ? WHERE task_instance LIKE ?")
                    .params(Timestamp.from(Instant.now().minusSeconds(60)), item + "@%").update();
        }
        try (ConfigurableApplicationContext second = node("second", Duration.ofMillis(200));
                ConfigurableApplicationContext third = node("third", Duration.ofMillis(200))) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            ActionItemId id = item;
            // A job leaves the table only once it has run, on whichever node: none left, none fires again.
            await("jobs ran").atMost(ActionItemRemindersTests.WAIT).until(() -> jobs(jdbc, id) == 0);
            List<String> subjects = jdbc.sql("""
                    SELECT subject FROM comms_message WHERE regarding_kind = 'action-item' AND regarding_id = ?
                    ORDER BY subject""").param(item.toString()).query(String.class).list();
            assertThat(subjects).hasSize(3).doesNotHaveDuplicates();
            assertThat(jdbc.sql("SELECT reminded_for, overdue_for, escalated_for FROM action_item WHERE id = ?")
                    .param(item.value()).query().singleRow().values()).allSatisfy(v -> assertThat(v.toString()).isEqualTo(due.toString()));
        }
    }

    private static long jobs(JdbcClient jdbc, ActionItemId item) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance LIKE ?").param(item + "@%")
                .query(Long.class).single();
    }

    private static Person person(People people, AppRole role, Department department) {
        String name = role.label() + " " + UUID.randomUUID().toString().substring(0, 8);
        Person p = Person.invited(name.replace(' ', '.').toLowerCase() + "@example.com", name, department, role,
                "Account executive", ZoneId.of("Europe/Berlin"), WorkingHours.standard(), null, Instant.now());
        people.insert(p);
        return p;
    }
}
