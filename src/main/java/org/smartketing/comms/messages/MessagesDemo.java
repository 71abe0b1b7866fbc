package org.smartketing.comms.messages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.comms.MessageId;
import org.smartketing.comms.Urgency;
import org.smartketing.comms.messages.MessageRecords.Step;
import org.smartketing.comms.messages.MessageRecords.StepState;
import org.smartketing.comms.messages.MessageRecords.StoredMessage;
import org.smartketing.comms.reach.Reach;
import org.smartketing.comms.reach.ReachBook;
import org.smartketing.team.Department;
import org.smartketing.team.DemoCompanyFilled;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The demo company's message history, planned by the router from everyone's reach as the reach
 * demo left it: a few messages acknowledged within their promise, one acknowledged late, an SLA
 * breach that escalated to the rep's manager, and an URGENT message to the off-grid rep that her
 * delegate acknowledged. Written as history (delivered steps and attempts in the past), so the
 * demo sends nothing to its made-up addresses. Runs just before the demo's transaction commits,
 * after every part's own demo listener (the reach demo among them).
 */
@Component
class MessagesDemo {

    private final Messages messages;
    private final ReachBook reachBook;
    private final TeamDirectory directory;
    private final Clock clock;

    MessagesDemo(Messages messages, ReachBook reachBook, TeamDirectory directory, Clock clock) {
        this.messages = messages;
        this.reachBook = reachBook;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Synchronous on purpose, inside the transaction that creates the demo company: the demo is one
     * whole (people without their message history would be no demo to look around in), it is filled once, and a
     * part that cannot add its share rolls the whole demo back rather than leaving half of it.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void fill(DemoCompanyFilled filled) {
        List<PersonSummary> team = directory.membersOf(filled.teamId());
        List<PersonSummary> reps = team.stream().filter(p -> p.department() == Department.SALES && p.managerId() != null)
                .toList();
        List<PersonSummary> marketers = team.stream().filter(p -> p.department() == Department.MARKETING).toList();
        if (reps.size() < 2 || marketers.isEmpty()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        PersonSummary marketer = marketers.get(0);
        past(marketer, reps.get(0), Urgency.URGENT, "Acme is on the phone about the renewal",
                "Their CFO wants an answer on the multi-year discount today. Can you call back?",
                now.minus(Duration.ofDays(3)).minus(Duration.ofHours(2)), 1, Duration.ofMinutes(7));
        past(reps.get(1), marketer, Urgency.NORMAL, "Case study for the logistics pitch",
                "Do we have a case study from a logistics customer? Pitch on Thursday.",
                now.minus(Duration.ofDays(2)), 1, Duration.ofHours(2));
        past(marketer, reps.get(1), Urgency.NORMAL, "Webinar attendee list",
                "The list of attendees who asked for a demo is in the campaign. Twelve of them are in your region.",
                now.minus(Duration.ofDays(1)).minus(Duration.ofHours(5)), 1, Duration.ofHours(6));
        past(null, reps.get(0), Urgency.URGENT, "SLA breached: Nordwind Logistik",
                "The lead waited longer than the handoff agreement allows for acceptance.\n",
                now.minus(Duration.ofDays(1)), 99, Duration.ofMinutes(12));
        team.stream().filter(p -> p.displayName().equals("Hannah Kim")).findFirst().ifPresent(away ->
                past(marketer, away, Urgency.URGENT, "Trade fair leads need an owner today",
                        "Forty leads from the fair are waiting; can someone take the German ones?",
                        now.minus(Duration.ofHours(3)), 2, Duration.ofMinutes(20)));
    }

    /**
     * One message to one person, as it went: the first {@code delivered} steps of its plan went out
     * one after the other at their promised times (fewer when the plan is shorter), and whoever the
     * last of them reached acknowledged {@code ackAfter} later.
     */
    private void past(PersonSummary from, PersonSummary to, Urgency urgency, String subject, String body, Instant sentAt,
            int delivered, Duration ackAfter) {
        Optional<Reach> reach = reachBook.reachOf(to.id(), sentAt);
        if (reach.isEmpty()) {
            return;
        }
        RecipientPlan plan = Router.plan(reach.get(), urgency, sentAt, id -> reachBook.reachOf(id, sentAt), null);
        MessageId id = MessageId.random();
        messages.insert(new StoredMessage(id, from == null ? null : from.id().value(),
                from == null ? "Smartketing" : from.displayName(), "PERSON", to.id().toString(), to.displayName(),
                urgency, subject, body, null, null, sentAt));
        messages.insertRecipient(id, to.id().value(), to.displayName(),
                plan.promised() == null ? null : (int) plan.promised().toMinutes());
        int goes = Math.min(delivered, plan.steps().size());
        Instant at = sentAt;
        PersonId lastReached = to.id();
        for (int i = 0; i < plan.steps().size(); i++) {
            PlannedStep p = plan.steps().get(i);
            boolean out = i < goes;
            UUID stepId = UUID.randomUUID();
            Step step = new Step(stepId, id, to.id().value(), i, p.person().id().value(),
                    p.person().displayName(), p.channel(), p.address(), p.reason(),
                    p.waitFor() == null ? null : (int) p.waitFor().toMinutes(), false,
                    out ? StepState.SENDING : StepState.SKIPPED, at, 0, null, null);
            messages.insertStep(step);
            if (out) {
                messages.attempt(stepId, 1, p.channel(), at, "DELIVERED", null, null);
                messages.delivered(step, at);
                lastReached = p.person().id();
                if (i == 0) {
                    messages.firstDelivered(id, to.id().value(), at);
                }
                if (i + 1 < goes && p.waitFor() != null) {
                    at = at.plus(p.waitFor());
                }
            }
        }
        String byName = directory.person(lastReached).map(PersonSummary::displayName).orElse("someone");
        messages.acknowledge(id, to.id().value(), lastReached.value(), byName, at.plus(ackAfter));
    }
}
