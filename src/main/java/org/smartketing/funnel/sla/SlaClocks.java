package org.smartketing.funnel.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartketing.funnel.LeadAssigned;
import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.LeadStageChanged;
import org.smartketing.funnel.SlaBreached;
import org.smartketing.funnel.SlaWarningReached;
import org.smartketing.funnel.Stage;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.team.Actor;
import org.smartketing.team.AuditLog;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

/**
 * The handoff clocks. Assignment starts an accept clock and a first-contact clock in the owner's
 * working hours; acceptance or rejection stops the first, first contact (or a move to SQL and
 * beyond) the second; reassignment stops the owner's runs and starts new ones for the next owner.
 * Each running clock has two persistent one-time jobs (warning at 75 %, breach at 100 %) that are
 * scheduled in the same transaction as the run, so both exist or neither.
 *
 * <p>The listeners are synchronous on purpose and run inside the transaction that moved or
 * assigned the lead: the clocks are the funnel's own record of that handoff, so they start or stop
 * exactly when the change is saved and not at all when it is rolled back. After commit, a lead just
 * accepted could still have a running clock for a moment (or, with a failing listener, for long),
 * and its warning job would page the owner about a lead they had already taken.
 */
@Service
@Transactional
public class SlaClocks {

    private static final Logger log = LoggerFactory.getLogger(SlaClocks.class);
    
    private final ClockRuns runs;
    private final Leads leads;
    private final TeamDirectory directory;
    private final SlaAgreements agreements;
    private final SchedulerClient scheduler;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SlaClocks(ClockRuns runs, Leads leads, TeamDirectory directory, SlaAgreements agreements, SchedulerClient scheduler,
            AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.runs = runs;
        this.leads = leads;
        this.directory = directory;
        this.agreements = agreements;
        this.scheduler = scheduler;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(LeadAssigned assigned) {
        Optional<PersonSummary> owner = directory.person(assigned.ownerId());
        Optional<Lead> lead = leads.byId(assigned.leadId());
        if (owner.isEmpty() || lead.isEmpty()) {
            log.warn("No SLA clocks for lead {}: lead or owner {} unknown", assigned.leadId(), assigned.ownerId());
            return;
        }
        Instant at = assigned.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        List<ClockRun> running = runs.running(assigned.leadId());
        if (running.stream().anyMatch(r -> r.ownerId().equals(assigned.ownerId().value()) && r.startedAt().equals(at))) {
            return; // the same assignment told twice
        }
        if (running.isEmpty() && lead.get().stage() == Stage.MQL) {
            start(assigned.leadId(), ClockRun.Kind.ACCEPT, owner.get(), at);
            start(assigned.leadId(), ClockRun.Kind.FIRST_CONTACT, owner.get(), at);
            return;
        }
        for (ClockRun run : running) {
            stop(run, ClockRun.Outcome.REASSIGNED, at);
            start(assigned.leadId(), run.clock(), owner.get(), at);
        }
    }

    @EventListener
    void on(LeadStageChanged changed) {
        if (changed.from() == null && changed.to() == Stage.NEW) {
            return; // a lead just created: no owner, no clocks yet
        }
        Instant at = changed.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        Stage to = changed.to();
        if (to == Stage.MQL) {
            leads.byId(changed.leadId()).filter(l -> l.ownerId() != null)
                    .filter(l -> runs.running(changed.leadId()).isEmpty())
                    .flatMap(l -> directory.person(new PersonId(l.ownerId()))).ifPresent(owner -> {
                        start(changed.leadId(), ClockRun.Kind.ACCEPT, owner, at);
                        start(changed.leadId(), ClockRun.Kind.FIRST_CONTACT, owner, at);
                    });
            return;
        }
        for (ClockRun run : runs.running(changed.leadId())) {
            ClockRun.Outcome outcome = outcomeOf(run.clock(), to);
            if (outcome != null) {
                stop(run, outcome, at);
            }
        }
    }

    /** See {@link org.smartketing.funnel.HandoffSla#firstContact}. */
    public void firstContact(LeadId lead, UUID personId, Instant at) {
        runs.running(lead).stream().filter(r -> r.clock() == ClockRun.Kind.FIRST_CONTACT)
                .forEach(r -> stop(r, ClockRun.Outcome.CONTACTED, at.truncatedTo(ChronoUnit.MILLIS)));
    }

    @Transactional(readOnly = true)
    public List<ClockRun> clocksOf(LeadId lead) {
        return runs.of(lead);
    }

    /**
     * Runs one alarm job: records the alarm on the run, announces it and audits it, once. The
     * communication part tells the owner (and, for a breach, their manager) from the event.
     * A job whose run has stopped, was replaced, or already had this alarm does nothing, so a stale
     * or repeated job is harmless.
     */
    public void fire(String jobId, ClockRun.Alarm alarm) {
        ClockRun.Key key = ClockRun.Key.parse(jobId);
        Optional<ClockRun> found = runs.find(key);
        // a deleted or merged lead raises no alarm (its owner has nothing left to do about it)
        if (found.isEmpty() || leads.byId(found.get().leadId()).isEmpty() || !runs.alarm(key, alarm, clock.instant())) {
            log.debug("SLA {} job {} found nothing to do", alarm, jobId);
            return;
        }
        ClockRun run = found.get();
        if (alarm == ClockRun.Alarm.WARNING) {
            events.publishEvent(new SlaWarningReached(UUID.randomUUID(), run.leadId(), new PersonId(run.ownerId()),
                    run.clock().name(), run.dueAt(), clock.instant(), Actor.SYSTEM));
        }
        else {
            events.publishEvent(new SlaBreached(UUID.randomUUID(), run.leadId(), new PersonId(run.ownerId()),
                    run.clock().name(), run.dueAt(), clock.instant(), Actor.SYSTEM));
        }
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("clock", run.clock().name());
        fact.put("run", run.run());
        fact.put("owner", run.ownerId().toString());
        fact.put("due", run.dueAt().toString());
        audit.record("lead", run.leadId(), alarm.taskName(), null, fact);
    }

    /**
     * A clock run that began and ended in the past, for the demo company's history: no jobs, and the
     * warning and breach it would have raised marked at their times (without mail).
     */
    public void recordPastRun(LeadId lead, ClockRun.Kind kind, PersonSummary owner, Instant startedAt,
            Instant stoppedAt, ClockRun.Outcome outcome) {
        ClockRun run = newRun(lead, kind, owner, startedAt);
        runs.insert(run);
        for (ClockRun.Alarm alarm : ClockRun.Alarm.values()) {
            if (!stoppedAt.isBefore(run.alarmAt(alarm))) {
                runs.alarm(new ClockRun.Key(lead, kind, run.run()), alarm, run.alarmAt(alarm));
            }
        }
        runs.stop(run, outcome, stoppedAt);
    }

    private ClockRun newRun(LeadId lead, ClockRun.Kind kind, PersonSummary owner, Instant at) {
        Agreement agreement = agreements.current();
        int hours = kind == ClockRun.Kind.ACCEPT ? agreement.acceptHours() : agreement.firstContactHours();
        Duration work = Duration.ofHours(hours);
        Instant warnAt = WorkingClock.plus(at, work.multipliedBy(3).dividedBy(4), owner.workingHours(), owner.zone())
                .truncatedTo(ChronoUnit.MILLIS);
        Instant dueAt = WorkingClock.plus(at, work, owner.workingHours(), owner.zone()).truncatedTo(ChronoUnit.MILLIS);
        return new ClockRun(lead, kind, runs.nextRun(lead, kind), owner.id().value(), (int) work.toMinutes(), at,
                warnAt, dueAt, null, null, null, null);
    }

    private void start(LeadId lead, ClockRun.Kind kind, PersonSummary owner, Instant at) {
        ClockRun run = newRun(lead, kind, owner, at);
        runs.insert(run);
        for (ClockRun.Alarm alarm : ClockRun.Alarm.values()) {
            scheduler.scheduleIfNotExists(new TaskInstance<Void>(alarm.taskName(), run.jobId()), run.alarmAt(alarm));
        }
    }

    private void stop(ClockRun run, ClockRun.Outcome outcome, Instant at) {
        if (!runs.stop(run, outcome, at)) {
            return;
        }
        for (ClockRun.Alarm alarm : ClockRun.Alarm.values()) {
            TaskInstanceId job = TaskInstanceId.of(alarm.taskName(), run.jobId());
            try {
                if (scheduler.getScheduledExecution(job).isPresent()) {
                    scheduler.cancel(job);
                }
            }
            catch (RuntimeException ex) {
                // Running right now on some node: it will find the run stopped and do nothing.
                log.debug("Could not cancel SLA job {}: {}", job, ex.getMessage());
            }
        }
    }

    private static ClockRun.Outcome outcomeOf(ClockRun.Kind clock, Stage to) {
        return switch (to) {
            case SAL -> clock == ClockRun.Kind.ACCEPT ? ClockRun.Outcome.ACCEPTED : null;
            case REJECTED -> clock == ClockRun.Kind.ACCEPT ? ClockRun.Outcome.REJECTED : ClockRun.Outcome.WITHDRAWN;
            case SQL, OPPORTUNITY, CUSTOMER -> clock == ClockRun.Kind.FIRST_CONTACT ? ClockRun.Outcome.CONTACTED
                    : ClockRun.Outcome.ACCEPTED;
            case RECYCLED, LOST, NEW -> ClockRun.Outcome.WITHDRAWN;
            case MQL -> null;
        };
    }
}
