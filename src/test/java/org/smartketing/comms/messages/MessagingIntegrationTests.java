package org.smartketing.comms.messages;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartketing.comms.Audience;
import org.smartketing.comms.MessageAcknowledged;
import org.smartketing.comms.MessageId;
import org.smartketing.comms.Messenger;
import org.smartketing.comms.NewMessage;
import org.smartketing.comms.Urgency;
import org.smartketing.comms.messages.MessageRecords.MessageDetails;
import org.smartketing.comms.messages.MessageRecords.Step;
import org.smartketing.comms.messages.MessageRecords.StepState;
import org.smartketing.comms.reach.ReachEditing;
import org.smartketing.shared.Sql;
import org.smartketing.support.DueJobs;
import org.smartketing.support.Fixtures;
import org.smartketing.support.TestClock;
import org.smartketing.support.TestSmtp;
import org.smartketing.support.TestSupportConfiguration;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.WorkingHours;
import org.smartketing.team.people.People;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;

import jakarta.mail.internet.MimeMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Messages end to end with real receivers: GreenMail as the SMTP server, a local HTTP server as the
 * SMS provider, the real scheduler polling every half second, and the test clock for promised
 * response times (db-scheduler keeps real time, so jobs the test clock makes due are made due now).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "smartketing.comms.outbound.allow-private=true",
        "smartketing.comms.outbound.request-timeout=1s", "smartketing.comms.sms.from=+15550000000",
        "smartketing.messages.attempts-per-channel=2", "smartketing.messages.first-retry-after=1s" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestSupportConfiguration.class)
@ContextConfiguration(initializers = TestSmtp.Properties.class)
@RecordApplicationEvents
class MessagingIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(15);
    static final Receivers.SmsProvider SMS = new Receivers.SmsProvider();

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("smartketing.comms.sms.url", SMS::url);
    }

    @AfterAll
    static void stop() {
        SMS.server.stop(0);
    }

    @Autowired
    Messenger messenger;

    @Autowired
    Messages messages;

    @Autowired
    Outbox outbox;

    @Autowired
    ReachEditing reach;

    @Autowired
    Fixtures fixtures;

    @Autowired
    People people;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    SchedulerClient scheduler;

    Person max;
    Person rita;
    Person dana;
    Person mia;
    String ritaPhone = Receivers.aPhone();
    String danaPhone = Receivers.aPhone();

    @BeforeEach
    void team() {
        SMS.mode = Receivers.Mode.OK;
        max = person("Max", AppRole.MANAGER, null, WorkingHours.standard());
        rita = person("Rita", AppRole.MEMBER, max.id(), WorkingHours.standard());
        dana = person("Dana", AppRole.MEMBER, max.id(), WorkingHours.standard());
        mia = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        Receivers.verifiedPhone(jdbc, rita.id(), ritaPhone);
        Receivers.verifiedPhone(jdbc, dana.id(), danaPhone);
        Receivers.expects(reach, rita.id(), List.of("SMS", "EMAIL"), 15, List.of("EMAIL"), List.of("EMAIL"));
        Receivers.expects(reach, dana.id(), List.of("SMS"), 30, List.of("EMAIL"), List.of("EMAIL"));
        Receivers.expects(reach, max.id(), List.of("EMAIL"), 60, List.of("EMAIL"), List.of("EMAIL"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Person person(String name, AppRole role, PersonId manager, WorkingHours hours) {
        String unique = name + " " + UUID.randomUUID().toString().substring(0, 8);
        Person p = Person.invited(unique.replace(' ', '.').toLowerCase() + "@example.com", unique, Department.SALES,
                role, "Account executive", ZoneId.of("Europe/Berlin"), hours, manager, Instant.now());
        people.insert(p);
        return p;
    }

    MessageId urgentTo(Person to) {
        return messenger.send(new NewMessage(mia.id(), Audience.person(to.id()), Urgency.URGENT,
                "Customer on the phone", "Acme wants a call back about the renewal.", null, null));
    }

    List<Step> steps(MessageId id) {
        return messages.details(id).orElseThrow().steps();
    }

    boolean stepIs(MessageId id, int stepNo, StepState state) {
        return steps(id).stream().anyMatch(s -> s.stepNo() == stepNo && s.state() == state);
    }

    /** Every comms job due now has run: what they would send has gone, so "nothing more" can be asserted. */
    void dueJobsRan() {
        DueJobs.awaitRun(scheduler, "comms-", WAIT);
    }

    /** The test clock passes the given time; jobs due by then run. */
    void timePasses(Duration duration) {
        clock.advance(duration);
        Receivers.catchUp(jdbc, clock.instant());
    }

    long mailsTo(Person p) {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(p.email());
            }
            catch (Exception ex) {
                return false;
            }
        }).count();
    }

    @Test
    void anUrgentMessageGoesByTextFirstAndThePlanSaysWhy() {
        MessageId id = urgentTo(rita);

        await("text arrived").atMost(WAIT).until(() -> SMS.to(ritaPhone).size() == 1);
        Receivers.Text text = SMS.to(ritaPhone).get(0);
        assertThat(text.body()).contains("[Urgent] Customer on the phone").contains("/ack/");
        await().atMost(WAIT).until(() -> stepIs(id, 0, StepState.DELIVERED));
        MessageDetails details = messages.details(id).orElseThrow();
        assertThat(details.steps()).extracting(Step::channel).extracting(Enum::name)
                .containsExactly("SMS", "EMAIL", "EMAIL");
        assertThat(details.steps()).extracting(Step::personId)
                .containsExactly(rita.id().value(), rita.id().value(), max.id().value());
        assertThat(details.steps().get(0).reason()).contains("urgent channel 1 of 2");
        assertThat(details.steps().get(2).reason()).contains("manager");
        assertThat(details.steps()).extracting(Step::state).as("the email waits for the promised time, the manager for it")
                .containsExactly(StepState.DELIVERED, StepState.PENDING, StepState.PLANNED);
        assertThat(details.attempts()).singleElement().satisfies(a -> assertThat(a.outcome()).isEqualTo("DELIVERED"));
        assertThat(details.recipients().get(0).promisedMinutes()).isEqualTo(15);
    }

    @Test
    void withoutAcknowledgementItEscalatesToTheNextChannelThenTheManagerAtThePromisedTimes() throws Exception {
        MessageId id = urgentTo(rita);
        await().atMost(WAIT).until(() -> stepIs(id, 0, StepState.DELIVERED));
        Step text = steps(id).get(0);
        assertThat(steps(id).get(1).dueAt()).as("next channel due at the promised time")
                .isEqualTo(text.deliveredAt().plus(Duration.ofMinutes(15)));

        timePasses(Duration.ofMinutes(14));
        dueJobsRan();
        assertThat(stepIs(id, 1, StepState.PENDING)).as("not before the promised time").isTrue();
        assertThat(mailsTo(rita)).isZero();

        timePasses(Duration.ofMinutes(2));
        await("email to Rita").atMost(WAIT).until(() -> stepIs(id, 1, StepState.DELIVERED));
        await().atMost(WAIT).until(() -> mailsTo(rita) == 1);
        assertThat(mailsTo(max)).as("the manager not yet").isZero();

        timePasses(Duration.ofMinutes(16));
        await("manager paged").atMost(WAIT).until(() -> stepIs(id, 2, StepState.DELIVERED));
        await().atMost(WAIT).until(() -> mailsTo(max) == 1);
        MimeMessage toMax = java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(max.email());
            }
            catch (Exception ex) {
                return false;
            }
        }).findFirst().orElseThrow();
        assertThat(GreenMailUtil.getBody(toMax)).contains("cover for").contains("manager");
    }

    @Test
    void offGridItGoesToTheAllowedChannelThenTheDelegateThenTheManager() {
        Receivers.offGrid(reach, rita.id(), dana.id(), List.of("SMS"));
        MessageId id = urgentTo(rita);
        await("Rita still takes URGENT by text").atMost(WAIT).until(() -> SMS.to(ritaPhone).size() == 1);
        await().atMost(WAIT).until(() -> stepIs(id, 0, StepState.DELIVERED));

        timePasses(Duration.ofMinutes(16));
        await("then her delegate").atMost(WAIT).until(() -> SMS.to(danaPhone).size() == 1);
        assertThat(SMS.to(danaPhone).get(0).body()).contains("/ack/");
        await().atMost(WAIT).until(() -> stepIs(id, 1, StepState.DELIVERED));
        assertThat(mailsTo(max)).isZero();

        timePasses(Duration.ofMinutes(31));
        await("then the manager").atMost(WAIT).until(() -> stepIs(id, 2, StepState.DELIVERED));
        assertThat(steps(id)).extracting(Step::personId)
                .containsExactly(rita.id().value(), dana.id().value(), max.id().value());
    }

    @Test
    void theDelegatesAcknowledgementThroughTheLinkStopsTheEscalation() throws Exception {
        Receivers.offGrid(reach, rita.id(), dana.id(), List.of());
        MessageId id = urgentTo(rita);
        await("delegate texted first").atMost(WAIT).until(() -> SMS.to(danaPhone).size() == 1);
        String link = Fixtures.linkIn(SMS.to(danaPhone).get(0).body(), "/ack/");

        MvcResult confirm = mvc.perform(get(link)).andReturn();
        assertThat(confirm.getResponse().getStatus()).isEqualTo(200);
        assertThat(confirm.getResponse().getContentAsString()).contains("Customer on the phone").contains("confirm-ack");
        assertThat(messages.recipient(id, rita.id().value()).orElseThrow().acknowledged())
                .as("following the link acknowledges nothing").isFalse();

        MvcResult done = mvc.perform(post(link).with(csrf())).andReturn();
        assertThat(done.getResponse().getContentAsString()).contains("acknowledged");
        var recipient = messages.recipient(id, rita.id().value()).orElseThrow();
        assertThat(recipient.acknowledgedBy()).isEqualTo(dana.id().value());
        assertThat(events.stream(MessageAcknowledged.class).filter(e -> e.messageId().equals(id)))
                .singleElement().satisfies(e -> {
                    assertThat(e.recipient()).isEqualTo(rita.id());
                    assertThat(e.actor().personId()).isEqualTo(dana.id());
                    assertThat(e.actor().department()).isEqualTo(dana.department());
                });

        timePasses(Duration.ofHours(3));
        dueJobsRan();
        assertThat(steps(id).get(1).state()).as("the manager step").isEqualTo(StepState.SKIPPED);
        assertThat(mailsTo(max)).as("the manager is never paged").isZero();

        assertThat(mvc.perform(get(link.replace("/ack/", "/ack/x"))).andReturn().getResponse().getStatus())
                .as("a tampered link").isEqualTo(404);
    }

    @Test
    void aProviderThatAnswers500IsRetriedThenTheMessageFallsThroughToEmail() {
        SMS.mode = Receivers.Mode.FAIL;
        MessageId id = urgentTo(rita);

        await("text given up").atMost(WAIT).until(() -> stepIs(id, 0, StepState.FAILED));
        await("email at once instead").atMost(WAIT).until(() -> mailsTo(rita) == 1);
        MessageDetails details = messages.details(id).orElseThrow();
        assertThat(details.attemptsOf(details.steps().get(0).id())).hasSize(2).allSatisfy(a -> {
            assertThat(a.outcome()).isEqualTo("FAILED");
            assertThat(a.reason()).doesNotContain("500");
            assertThat(a.detail()).as("for admins").isEqualTo("answered 500");
        });
        assertThat(details.steps().get(0).lastError()).contains("gave up after 2 attempts");
    }

    @Test
    void aProviderThatHangsTimesOutAndTheMessageStillReachesThePersonByEmail() {
        SMS.mode = Receivers.Mode.HANG;
        MessageId id = urgentTo(rita);

        await("email instead").atMost(Duration.ofSeconds(30)).until(() -> mailsTo(rita) == 1);
        MessageDetails details = messages.details(id).orElseThrow();
        assertThat(details.steps().get(0).state()).isEqualTo(StepState.FAILED);
        assertThat(details.attemptsOf(details.steps().get(0).id())).hasSize(2)
                .allSatisfy(a -> assertThat(a.reason()).contains("did not answer within"));
    }

    @Test
    void aStepLeftSendingByAStoppedNodeWaitsOutTheTimeoutThenFailsAndTheEscalationGoesOnOnce() {
        MessageId id = urgentTo(rita);
        await().atMost(WAIT).until(() -> stepIs(id, 0, StepState.DELIVERED));
        UUID email = steps(id).get(1).id();
        // A node claims the email step as its job would, then dies before calling the channel.
        assertThat(jdbc.sql("""
                UPDATE comms_step SET state = 'SENDING', attempts = attempts + 1, due_at = ?
                WHERE id = ? AND state = 'PENDING'""").params(Sql.utc(clock.instant()), email)
                .update()).isEqualTo(1);

        Instant beforeSweep = Instant.now();
        timePasses(Duration.ofMinutes(4));
        await("the stuck-step check ran").atMost(WAIT).until(() -> sweptSince(beforeSweep));
        assertThat(stepIs(id, 1, StepState.SENDING)).as("SENDING for less than the timeout: left alone").isTrue();
        assertThat(stepIs(id, 2, StepState.PLANNED)).as("the manager not yet").isTrue();

        clock.advance(Duration.ofMinutes(2));
        await("the manager paged once the stuck step failed").atMost(WAIT).until(() -> {
            Receivers.catchUp(jdbc, clock.instant());
            return stepIs(id, 2, StepState.DELIVERED);
        });
        await().atMost(WAIT).until(() -> mailsTo(max) == 1);

        MessageDetails details = messages.details(id).orElseThrow();
        Step stuck = details.steps().get(1);
        assertThat(stuck.state()).isEqualTo(StepState.FAILED);
        assertThat(stuck.lastError()).contains("stopped").contains("never sent twice");
        assertThat(details.attemptsOf(email)).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo("FAILED");
            assertThat(a.attempt()).isEqualTo(1);
            assertThat(a.reason()).isEqualTo(Outbox.STOPPED_WHILE_SENDING);
        });

        // The stuck step's own job (revived after its node died) comes due: it finds nothing to send.
        timePasses(Duration.ofMinutes(20));
        dueJobsRan();
        assertThat(mailsTo(rita)).as("the stuck email is never sent").isZero();
        assertThat(mailsTo(max)).as("the manager paged once").isEqualTo(1);
        assertThat(messages.details(id).orElseThrow().attemptsOf(email)).hasSize(1);
    }

    @Test
    void twoNodesSweepingTheSameStuckStepsAtOnceFailEachOnceAndPageTheManagerOnce() throws Exception {
        List<MessageId> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(urgentTo(rita));
        }
        await().atMost(WAIT).until(() -> sent.stream().allMatch(id -> stepIs(id, 0, StepState.DELIVERED)));
        for (MessageId id : sent) {
            jdbc.sql("UPDATE comms_step SET state = 'SENDING', attempts = attempts + 1, due_at = ? WHERE id = ?")
                    .params(Sql.utc(clock.instant()), steps(id).get(1).id()).update();
        }
        clock.advance(Duration.ofMinutes(6));

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> sweeps = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sweeps.add(nodes.submit(() -> {
                    start.await();
                    outbox.recoverStuck();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> sweep : sweeps) {
                sweep.get(30, TimeUnit.SECONDS);
            }
        }
        finally {
            nodes.shutdownNow();
        }

        for (MessageId id : sent) {
            MessageDetails details = messages.details(id).orElseThrow();
            assertThat(details.steps().get(1).state()).isEqualTo(StepState.FAILED);
            assertThat(details.attemptsOf(details.steps().get(1).id())).as("one recorded attempt").hasSize(1);
        }
        await("every manager step went out").atMost(WAIT).until(() -> {
            Receivers.catchUp(jdbc, clock.instant());
            return sent.stream().allMatch(id -> stepIs(id, 2, StepState.DELIVERED));
        });
        dueJobsRan();
        assertThat(mailsTo(max)).as("the manager paged once per message").isEqualTo(5);
        assertThat(mailsTo(rita)).isZero();
    }

    boolean sweptSince(Instant moment) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = ? AND last_success > ?")
                .params(Outbox.STUCK_TASK, Sql.utc(moment)).query(Long.class).single() > 0;
    }

    @Test
    void fyiMessagesOutsideWorkingHoursWaitAndArriveTogetherInOneDigest() throws Exception {
        // Works only on a day that is not today, so now is outside her working hours whenever the test runs.
        DayOfWeek today = ZonedDateTime.now(ZoneId.of("Europe/Berlin")).getDayOfWeek();
        Person fay = person("Fay", AppRole.MEMBER, max.id(), new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 0),
                EnumSet.of(today.plus(2))));
        Receivers.expects(reach, fay.id(), List.of("EMAIL"), 60, List.of("EMAIL"), List.of("EMAIL"));
        MessageId first = messenger.send(new NewMessage(mia.id(), Audience.person(fay.id()), Urgency.FYI,
                "Webinar slides", "Slides are in the drive.", null, null));
        MessageId second = messenger.send(new NewMessage(mia.id(), Audience.person(fay.id()), Urgency.FYI,
                "New case study", "Acme's case study is live.", null, null));
        Step held = steps(first).get(0);
        assertThat(held.held()).isTrue();
        assertThat(held.dueAt()).isAfter(Instant.now().plus(Duration.ofHours(20)));
        assertThat(held.reason()).contains("digest");
        dueJobsRan();
        assertThat(mailsTo(fay)).as("held").isZero();

        timePasses(Duration.between(Instant.now(), held.dueAt()).plusMinutes(1));
        await("one digest").atMost(WAIT).until(() -> mailsTo(fay) == 1);
        dueJobsRan();
        assertThat(mailsTo(fay)).isEqualTo(1);
        MimeMessage digest = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> GreenMailUtil.getHeaders(m).contains(fay.email())).findFirst().orElseThrow();
        assertThat(digest.getSubject()).isEqualTo("Digest: 2 FYI messages");
        assertThat(GreenMailUtil.getBody(digest)).contains("Webinar slides").contains("New case study");
        assertThat(steps(second).get(0).state()).isEqualTo(StepState.DELIVERED);
    }

    @Test
    void inQuietHoursOnlyUrgentGetsThroughAndNormalWaitsForTheirEnd() throws Exception {
        Receivers.quietNow(reach, rita.id(), List.of("SMS"));
        MessageId urgent = urgentTo(rita);
        MessageId normal = messenger.send(new NewMessage(mia.id(), Audience.person(rita.id()), Urgency.NORMAL,
                "Quarterly numbers", "Please review the forecast.", null, null));

        await("URGENT gets through").atMost(WAIT).until(() -> SMS.to(ritaPhone).size() == 1);
        Step waiting = steps(normal).get(0);
        assertThat(waiting.reason()).contains("quiet hours").contains("NORMAL waits until they end");
        assertThat(waiting.held()).as("not a digest").isFalse();
        assertThat(waiting.dueAt()).isAfter(Instant.now().plus(Duration.ofMinutes(50)));
        dueJobsRan();
        assertThat(mailsTo(rita)).isZero();

        timePasses(Duration.between(Instant.now(), waiting.dueAt()).plusSeconds(30));
        await("after the quiet hours").atMost(WAIT).until(() -> mailsTo(rita) == 1);
        MimeMessage toRita = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> GreenMailUtil.getHeaders(m).contains(rita.email())).findFirst().orElseThrow();
        assertThat(toRita.getSubject()).isEqualTo("[Normal] Quarterly numbers");
        assertThat(steps(urgent).get(0).reason()).contains("URGENT gets through");
    }

    @Autowired
    Acknowledgements acknowledgements;

    @Autowired
    MessageMeasures measures;

    @Test
    void measuresAcknowledgementTimeAgainstThePromiseAndFailedDeliveriesByChannel() {
        SMS.mode = Receivers.Mode.FAIL;
        MessageId failing = urgentTo(dana);
        await().atMost(WAIT).until(() -> stepIs(failing, 0, StepState.FAILED));
        SMS.mode = Receivers.Mode.OK;
        MessageId kept = urgentTo(rita);
        await().atMost(WAIT).until(() -> stepIs(kept, 0, StepState.DELIVERED));
        clock.advance(Duration.ofMinutes(10));
        acknowledgements.byPerson(kept, rita.id());
        MessageId broken = urgentTo(rita);
        Receivers.catchUp(jdbc, clock.instant()); // sent at the test clock's time, ahead of the scheduler's
        await().atMost(WAIT).until(() -> stepIs(broken, 0, StepState.DELIVERED));
        clock.advance(Duration.ofMinutes(20));
        acknowledgements.byPerson(broken, rita.id());

        MessageMeasures.Measures m = measures.over(Duration.ofDays(1));
        assertThat(m.people()).filteredOn(p -> p.person().equals(rita.id().value())).singleElement().satisfies(p -> {
            assertThat(p.messages()).isEqualTo(2);
            assertThat(p.acknowledged()).isEqualTo(2);
            assertThat(p.medianMinutes()).as("mean of ~10 and ~20").isBetween(14L, 15L);
            assertThat(p.p90Minutes()).as("interpolated, as every figure's percentile is").isBetween(18L, 19L);
            assertThat(p.promisedMinutes()).isEqualTo(15);
            assertThat(p.shareKept()).isEqualTo(0.5);
        });
        assertThat(m.failuresByChannel()).filteredOn(f -> f.channel().equals("SMS")).singleElement()
                .satisfies(f -> assertThat(f.failedAttempts()).isGreaterThanOrEqualTo(2));
        assertThat(m.urgentNeverAcknowledged()).noneMatch(u -> u.recipient().equals(rita.id().value()));
    }

    @Test
    void theApiSendsListsShowsAndAcknowledges() throws Exception {
        String token = fixtures.tokenFor(mia, TokenScope.READ_WRITE);
        MvcResult sent = mvc.perform(post("/api/v1/messages").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"to": {"person": "%s"}, "urgency": "NORMAL", "subject": "Pricing question",
                         "body": "Can you join the Acme call?"}""".formatted(rita.id()))).andReturn();
        assertThat(sent.getResponse().getStatus()).isEqualTo(201);
        assertThat(sent.getResponse().getContentAsString()).contains("\"plan\"").contains("\"reason\"");
        String location = sent.getResponse().getHeader(HttpHeaders.LOCATION);

        String ritaToken = fixtures.tokenFor(rita, TokenScope.READ_WRITE);
        MvcResult inbox = mvc.perform(get("/api/v1/messages").param("box", "received")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ritaToken)).andReturn();
        assertThat(inbox.getResponse().getContentAsString()).contains("Pricing question");
        MvcResult ack = mvc.perform(post(location + "/ack").header(HttpHeaders.AUTHORIZATION, "Bearer " + ritaToken))
                .andReturn();
        assertThat(ack.getResponse().getStatus()).isEqualTo(200);
        assertThat(ack.getResponse().getContentAsString()).contains("\"acknowledgedNow\":true");
        MvcResult shown = mvc.perform(get(location).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn();
        assertThat(shown.getResponse().getContentAsString()).contains("\"acknowledgedAt\"");

        String strangerToken = fixtures.tokenFor(fixtures.aPerson(AppRole.MEMBER), TokenScope.READ);
        assertThat(mvc.perform(get(location).header(HttpHeaders.AUTHORIZATION, "Bearer " + strangerToken)).andReturn()
                .getResponse().getStatus()).as("not theirs").isEqualTo(404);
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        String token = fixtures.tokenFor(mia, TokenScope.READ_WRITE);
        Map<String, String> cases = Map.of(
                """
                {"to": {"person": "%s"}, "urgency": "URGENT", "subject": "Hi", "body": "Call me"}"""
                        .formatted(UUID.randomUUID()), "to.person",
                """
                {"to": {"person": "%s"}, "urgency": "URGENT", "subject": "Hi", "body": "  "}""".formatted(rita.id()),
                "body",
                """
                {"to": {"person": "%s"}, "urgency": "SOON", "subject": "Hi", "body": "x"}""".formatted(rita.id()),
                "urgency",
                """
                {"to": {"jobRole": "Astronaut"}, "urgency": "FYI", "subject": "Hi", "body": "x"}""", "to",
                """
                {"to": {}, "urgency": "FYI", "subject": "Hi", "body": "x"}""", "to",
                """
                {"to": {"person": "%s"}, "urgency": "FYI", "subject": "", "body": "x"}""".formatted(rita.id()),
                "subject");
        // only mia's: jobs left by other tests may send system notifications meanwhile
        String fromMia = "SELECT COUNT(*) FROM comms_message WHERE sender_id = ?";
        long before = jdbc.sql(fromMia).param(mia.id().value()).query(Long.class).single();
        for (var entry : cases.entrySet()) {
            MvcResult result = mvc.perform(post("/api/v1/messages").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).content(entry.getKey())).andReturn();
            assertThat(result.getResponse().getStatus()).as(entry.getKey()).isEqualTo(400);
            assertThat(result.getResponse().getContentAsString()).as(entry.getKey())
                    .contains("\"field\":\"" + entry.getValue() + "\"");
        }
        assertThat(jdbc.sql(fromMia).param(mia.id().value()).query(Long.class).single()).isEqualTo(before);
    }
}
