package org.smartketing.funnel.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.funnel.HandoffSla;
import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.Stage;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The handoff clocks with the real scheduler polling every half second: jobs that are due fire
 * once, stopped clocks fire nothing. Overdue clocks are made by assigning a lead a month ago.
 */
@IntegrationTest
class SlaClockIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    ApplicationContext context;

    @Autowired
    HandoffSla sla;

    @Autowired
    SchedulerClient scheduler;

    Handoffs handoffs;
    Person rep;

    @Autowired
    SlaAgreements agreements;

    @BeforeEach
    void aRepUnderTheDefaultTerms() {
        handoffs = new Handoffs(context);
        rep = handoffs.aRepWithAManager();
        agreements.change(new AgreementTerms(8, 24, 50), Fixtures.signedIn(rep));
    }

    @Test
    void startsBothClocksInTheOwnersWorkingHoursWithTwoJobsEach() {
        LeadId lead = handoffs.anMql();
        Instant fridayAfternoon = Instant.parse("2031-11-28T15:00:00Z"); // 16:00 in Berlin
        handoffs.assign(lead, rep, fridayAfternoon);

        List<ClockRun> runs = handoffs.runs(lead);
        assertThat(runs).extracting(ClockRun::clock).containsExactly(ClockRun.Kind.ACCEPT, ClockRun.Kind.FIRST_CONTACT);
        ClockRun accept = runs.get(0);
        assertThat(accept.ownerId()).isEqualTo(rep.id().value());
        assertThat(accept.workMinutes()).isEqualTo(8 * 60);
        assertThat(accept.warnAt()).as("6 working hours: Fri 1h + Mon 9-14").isEqualTo("2031-12-01T13:00:00Z");
        assertThat(accept.dueAt()).as("8 working hours: Fri 1h + Mon 9-16").isEqualTo("2031-12-01T15:00:00Z");
        assertThat(handoffs.jobsOf(lead)).isEqualTo(4);
    }

    @Test
    void firesTheWarningAndTheBreachOnceWhenDue() {
        LeadId lead = handoffs.anMql();
        handoffs.assign(lead, rep, Instant.now().minus(30, ChronoUnit.DAYS));

        await("all four alarms").atMost(WAIT).until(() -> handoffs.runs(lead).stream()
                .allMatch(r -> r.warnedAt() != null && r.breachedAt() != null));
        // A job leaves the table only once it has run: with none left, nothing can fire again.
        await("jobs done").atMost(WAIT).until(() -> handoffs.jobsOf(lead) == 0);

        assertThat(handoffs.audited(lead, "sla-warning")).isEqualTo(2);
        assertThat(handoffs.audited(lead, "sla-breach")).isEqualTo(2);
        await().untilAsserted(() -> {
            assertThat(handoffs.messagesTo(rep, "SLA warning")).isEqualTo(2);
            assertThat(handoffs.messagesTo(rep, "SLA breached")).isEqualTo(2);
        });
        Person manager = handoffs.personById(rep.managerId());
        assertThat(handoffs.escalationsTo(manager, "SLA breached")).as("breaches escalate to the manager").isEqualTo(2);
        assertThat(handoffs.messagesTo(manager, "SLA")).as("the manager is reached only when the rep does not answer")
                .isZero();
    }

    @Test
    void anAcceptanceBeforeTheWarningStopsTheAcceptClockAndItsJobs() {
        LeadId lead = handoffs.anMql();
        handoffs.assign(lead, rep, Instant.now());
        handoffs.move(lead, Stage.SAL);

        ClockRun accept = handoffs.runs(lead).get(0);
        assertThat(accept.outcome()).isEqualTo(ClockRun.Outcome.ACCEPTED);
        assertThat(handoffs.jobsOf(lead)).as("only the first-contact clock's jobs remain").isEqualTo(2);

        sla.firstContact(lead, rep.id().value(), Instant.now());
        assertThat(handoffs.runs(lead).get(1).outcome()).isEqualTo(ClockRun.Outcome.CONTACTED);
        assertThat(handoffs.jobsOf(lead)).isZero();
    }

    @Test
    void aStaleJobForAStoppedClockDoesNothing() {
        LeadId lead = handoffs.anMql();
        handoffs.assign(lead, rep, Instant.now());
        handoffs.move(lead, Stage.REJECTED);
        ClockRun accept = handoffs.runs(lead).get(0);
        assertThat(accept.outcome()).isEqualTo(ClockRun.Outcome.REJECTED);

        // As if the cancel had been lost: the warning and breach jobs come due anyway.
        for (ClockRun.Alarm alarm : ClockRun.Alarm.values()) {
            scheduler.scheduleIfNotExists(new TaskInstance<Void>(alarm.taskName(), accept.jobId()),
                    Instant.now().minusSeconds(1));
        }
        await("jobs ran").atMost(WAIT).until(() -> handoffs.jobsOf(lead) == 0);

        assertThat(handoffs.runs(lead)).allSatisfy(r -> {
            assertThat(r.warnedAt()).isNull();
            assertThat(r.breachedAt()).isNull();
        });
        assertThat(handoffs.audited(lead, "sla-warning") + handoffs.audited(lead, "sla-breach")).isZero();
        assertThat(handoffs.messagesTo(rep, "SLA")).isZero();
    }

    @Test
    void reassignmentStopsTheRunsAndStartsNewOnesForTheNextOwner() {
        LeadId lead = handoffs.anMql();
        handoffs.assign(lead, rep, Instant.now());
        Person next = handoffs.aRepWithAManager();
        handoffs.assign(lead, next, Instant.now().plusSeconds(60));

        List<ClockRun> runs = handoffs.runs(lead);
        assertThat(runs).hasSize(4);
        assertThat(runs).filteredOn(r -> r.run() == 1).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(ClockRun.Outcome.REASSIGNED);
            assertThat(r.ownerId()).isEqualTo(rep.id().value());
        });
        assertThat(runs).filteredOn(r -> r.run() == 2).allSatisfy(r -> {
            assertThat(r.running()).isTrue();
            assertThat(r.ownerId()).isEqualTo(next.id().value());
        });
        assertThat(handoffs.jobsOf(lead)).as("two jobs for each of the new runs").isEqualTo(4);
    }

    @Test
    void aLeadAssignedBeforeItIsAnMqlStartsItsClocksWhenItBecomesOne() {
        LeadId lead = handoffs.aNewLead();
        handoffs.assign(lead, rep, Instant.now());
        assertThat(handoffs.runs(lead)).as("no handoff before marketing qualifies it").isEmpty();

        handoffs.move(lead, Stage.MQL);
        assertThat(handoffs.runs(lead)).extracting(ClockRun::clock)
                .containsExactly(ClockRun.Kind.ACCEPT, ClockRun.Kind.FIRST_CONTACT);
        assertThat(handoffs.runs(lead)).allSatisfy(r -> assertThat(r.ownerId()).isEqualTo(rep.id().value()));
    }

    @Test
    void recyclingALeadStopsBothClocks() {
        LeadId lead = handoffs.anMql();
        handoffs.assign(lead, rep, Instant.now());
        handoffs.stages().move(lead, new org.smartketing.funnel.leads.Lead.Transition(Stage.RECYCLED, "Not now",
                java.time.LocalDate.now().plusMonths(3), null));
        assertThat(handoffs.runs(lead)).extracting(ClockRun::outcome)
                .containsExactly(ClockRun.Outcome.WITHDRAWN, ClockRun.Outcome.WITHDRAWN);
        assertThat(handoffs.jobsOf(lead)).isZero();
    }

    @Test
    void aMoveToSqlCountsAsFirstContact() {
        LeadId lead = handoffs.anMql();
        handoffs.assign(lead, rep, Instant.now());
        handoffs.move(lead, Stage.SAL);
        handoffs.move(lead, Stage.SQL);
        assertThat(handoffs.runs(lead)).extracting(ClockRun::outcome)
                .containsExactly(ClockRun.Outcome.ACCEPTED, ClockRun.Outcome.CONTACTED);
        assertThat(handoffs.jobsOf(lead)).isZero();
    }

}
