package org.smartketing.meetings;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smartketing.meetings.planning.Meeting;
import org.smartketing.meetings.planning.MeetingPlanning;
import org.smartketing.meetings.planning.MeetingStore;
import org.smartketing.meetings.running.ActionItem;
import org.smartketing.meetings.running.MeetingRunner;
import org.smartketing.meetings.running.Reminders;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.TestClock;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders and overdue escalation go through the communication router (the real Messenger and
 * its comms_message records) from persistent jobs. The application's clock is set a week back, so
 * the jobs it schedules for "tomorrow" and after are already due for the scheduler.
 */
@IntegrationTest
class ActionItemRemindersTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    MeetingPlanning planning;

    @Autowired
    MeetingStore meetings;

    @Autowired
    MeetingRunner runner;

    @Autowired
    Reminders reminders;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void remindsTheOwnerBeforeTheDueDateThenEscalatesAnOverdueItemToTheSponsorEachOnce() throws Exception {
        clock.advance(Duration.ofDays(-7));
        Person sponsor = fixtures.aPerson(AppRole.MANAGER, Department.MANAGEMENT);
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Meeting meeting = aRunningMeeting(sponsor, rep);
        LocalDate due = LocalDate.now(clock.withZone(rep.zone())).plusDays(2);

        ActionItem item = runner.addItem(meeting.id(), new MeetingRunner.NewItem("Call the webinar leads", null, due,
                null, null, null), Fixtures.signedIn(rep));

        assertThat(await(() -> messagesAbout(item.id()).size() == 3)).as("three notices").isTrue();
        List<Map<String, Object>> sent = messagesAbout(item.id());
        assertThat(sent).extracting(m -> m.get("subject").toString()).containsExactly("Due " + due + ": Call the webinar leads",
                "Overdue: Call the webinar leads", "Overdue in Sync: " + rep.displayName());
        assertThat(sent).extracting(m -> m.get("urgency")).containsOnly("NORMAL");
        assertThat(sent).extracting(m -> m.get("audience_ref").toString()).containsExactly(rep.id().toString(),
                rep.id().toString(), sponsor.id().toString());
        assertThat(sent.get(1).get("last_resort_id").toString()).as("the owner's notice escalates to the sponsor")
                .isEqualTo(sponsor.id().toString());

        Thread.sleep(1500);
        for (Reminders.Kind kind : Reminders.Kind.values()) {
            reminders.fire(kind, item.id() + "@" + due);
        }
        assertThat(messagesAbout(item.id())).as("each fires once").hasSize(3);
    }

    @Test
    void aDoneItemIsNotChasedAndANewDateGetsItsOwnReminders() throws Exception {
        Person sponsor = fixtures.aPerson(AppRole.MANAGER, Department.MANAGEMENT);
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Meeting meeting = aRunningMeeting(sponsor, rep);
        LocalDate due = LocalDate.now(clock.withZone(rep.zone())).plusDays(5);
        ActionItem done = runner.addItem(meeting.id(), new MeetingRunner.NewItem("Send the deck", null, due, null, null,
                null), Fixtures.signedIn(rep));
        ActionItem moved = runner.addItem(meeting.id(), new MeetingRunner.NewItem("Book the venue", null, due, null,
                null, null), Fixtures.signedIn(rep));
        assertThat(jobsOf(done.id())).isEqualTo(3);

        runner.review(done.id(), null, new MeetingRunner.Review(ActionItem.Outcome.DONE, null, null),
                Fixtures.signedIn(rep));
        runner.review(moved.id(), null, new MeetingRunner.Review(ActionItem.Outcome.NOT_DONE, due.plusDays(7), null),
                Fixtures.signedIn(rep));
        for (Reminders.Kind kind : Reminders.Kind.values()) {
            reminders.fire(kind, done.id() + "@" + due);
            reminders.fire(kind, moved.id() + "@" + due);
        }

        assertThat(messagesAbout(done.id())).isEmpty();
        assertThat(messagesAbout(moved.id())).as("the old date's jobs do nothing").isEmpty();
        assertThat(jobsOf(moved.id())).as("three for each date").isEqualTo(6);
    }

    private Meeting aRunningMeeting(Person sponsor, Person rep) {
        Person marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        var s = planning.create(Plans.weekly("Sync", java.time.LocalDateTime.now(clock.withZone(Plans.BERLIN))
                .plusDays(1).withSecond(0).withNano(0), 2, sponsor, rep, marketer), Fixtures.signedIn(rep)).series();
        Meeting first = meetings.ofSeries(s.id()).get(0);
        return runner.start(first.id(), Fixtures.signedIn(rep));
    }

    private List<Map<String, Object>> messagesAbout(ActionItemId item) {
        return jdbc.sql("""
                SELECT subject, urgency, audience_ref, last_resort_id FROM comms_message
                WHERE regarding_kind = 'action-item' AND regarding_id = ?
                ORDER BY CASE WHEN subject LIKE 'Due%' THEN 0 WHEN subject LIKE 'Overdue:%' THEN 1 ELSE 2 END""")
                .param(item.toString()).query().listOfRows();
    }

    private long jobsOf(ActionItemId item) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance LIKE ?").param(item + "@%")
                .query(Long.class).single();
    }

    static boolean await(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 60; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(250);
        }
        return condition.getAsBoolean();
    }
}
