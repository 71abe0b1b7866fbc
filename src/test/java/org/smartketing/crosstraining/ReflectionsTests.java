package org.smartketing.crosstraining;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.activity.ActivityLog;
import org.smartketing.support.DueJobs;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.TestClock;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Reflections after a session: the change becomes an action item followed up like a meeting's; only
 * people who were there reflect; whoever has not reflected two days after gets one NORMAL reminder.
 */
@IntegrationTest
class ReflectionsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActivityLog activities;

    @Autowired
    TestClock clock;

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    JdbcClient jdbc;

    Training training;
    Person rep;
    Person marketer;
    Person otherMarketer;

    @BeforeEach
    void people() {
        training = new Training(activities, fixtures, mvc);
        rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        otherMarketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A shadowing session of the rep's with both marketers that ended about three days ago. */
    private String aSessionThreeDaysAgo() throws Exception {
        clock.advance(Duration.ofDays(-4));
        String demo = training.aDemoBy(rep, clock.instant().plus(Duration.ofHours(20)));
        String session = training.call(rep, post("/api/v1/cross-training/sessions").content("""
                {"kind":"SHADOWING","learnerIds":["%s","%s"],"startsAt":"%s","durationMinutes":60,
                 "workKind":"activity","workId":"%s"}""".formatted(marketer.id(), otherMarketer.id(),
                clock.instant().plus(Duration.ofHours(20)), demo)), 201);
        clock.reset();
        return JsonPath.read(session, "$.id");
    }

    @Test
    void theChangeBecomesAnActionItemOnTheWritersListAndOnlyPeopleWhoWereThereReflect() throws Exception {
        String session = aSessionThreeDaysAgo();
        LocalDate due = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(10);
        String written = training.call(marketer, post("/api/v1/cross-training/sessions/" + session + "/reflections")
                .content("""
                        {"learned":"Reps qualify on budget in the first five minutes",
                         "change":"Ask for budget range on the demo request form","actionDueOn":"%s"}""".formatted(due)),
                201);
        String item = JsonPath.read(written, "$.actionItemId");
        assertThat(item).isNotNull();

        String items = training.call(marketer, get("/api/v1/action-items?open=true"), 200);
        assertThat(JsonPath.<List<String>>read(items, "$[*].id")).containsExactly(item);
        assertThat(JsonPath.<String>read(items, "$[0].text")).isEqualTo("Ask for budget range on the demo request form");
        assertThat(JsonPath.<String>read(items, "$[0].dueOn")).isEqualTo(due.toString());

        // someone who was not there, and a second reflection by the same person
        Person outsider = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        String refused = training.call(outsider, post("/api/v1/cross-training/sessions/" + session + "/reflections")
                .content("{\"learned\":\"Nothing\"}"), 400);
        assertThat(refused).contains("\"sessionId\"");
        training.call(marketer, post("/api/v1/cross-training/sessions/" + session + "/reflections")
                .content("{\"learned\":\"Again\"}"), 409);
        training.call(otherMarketer, post("/api/v1/cross-training/sessions/" + session + "/reflections")
                .content("{\"learned\":\"Demos\",\"actionDueOn\":\"" + due + "\"}"), 400);
        assertThat(JsonPath.<List<String>>read(training.call(rep, get("/api/v1/cross-training/sessions/" + session
                + "/reflections"), 200), "$[*].personId")).containsExactly(marketer.id().toString());
    }

    @Test
    void whoeverHasNotReflectedTwoDaysAfterGetsOneNormalReminder() throws Exception {
        String session = aSessionThreeDaysAgo();
        training.call(marketer, post("/api/v1/cross-training/sessions/" + session + "/reflections")
                .content("{\"learned\":\"How a discovery call runs\"}"), 201);
        long before = fixtures.messagesTo(marketer.id());

        // the job was due a day ago by the moved clock: db-scheduler runs it now
        DueJobs.awaitRun(scheduler, "crosstraining-reflection-reminder", Duration.ofSeconds(20));
        await("the reminder reached the one who did not reflect").atMost(Duration.ofSeconds(20))
                .until(() -> fixtures.messagesTo(otherMarketer.id()) == 1);
        assertThat(fixtures.lastMessageTo(otherMarketer.id())).startsWith("What did you learn?");
        assertThat(fixtures.messagesTo(marketer.id())).isEqualTo(before);
        // db-scheduler removes a one-time job's row once the run has returned, just after the message is in
        await("no job left to fire again").atMost(Duration.ofSeconds(10)).until(() -> jdbc
                .sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance LIKE ?").param(session + "@%")
                .query(Long.class).single() == 0);
    }
}
