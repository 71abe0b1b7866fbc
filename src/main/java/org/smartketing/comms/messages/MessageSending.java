package org.smartketing.comms.messages;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.smartketing.comms.Audience;
import org.smartketing.comms.MessageId;
import org.smartketing.comms.Messenger;
import org.smartketing.comms.NewMessage;
import org.smartketing.comms.Urgency;
import org.smartketing.comms.channels.ChannelReadiness;
import org.smartketing.comms.channels.InboxNotices;
import org.smartketing.comms.messages.MessageRecords.Step;
import org.smartketing.comms.messages.MessageRecords.StepState;
import org.smartketing.comms.messages.MessageRecords.StoredMessage;
import org.smartketing.comms.reach.Reach;
import org.smartketing.comms.reach.ReachBook;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link Messenger}: checks the message, finds its recipients, plans each one's deliveries
 * from their reach at this moment, and stores the message, the plans and the first steps' jobs in
 * the caller's transaction. Nothing goes out before that transaction commits: the outbox jobs
 * are rows in the same database.
 */
@Service
@Transactional
class MessageSending implements Messenger {

    static final int SUBJECT_MAX = 200;
    static final int BODY_MAX = 10_000;

    private final Messages messages;
    private final TeamDirectory directory;
    private final ReachBook reachBook;
    private final Outbox outbox;
    private final ChannelReadiness readiness;
    private final InboxNotices notices;
    private final Clock clock;

    MessageSending(Messages messages, TeamDirectory directory, ReachBook reachBook, Outbox outbox,
            ChannelReadiness readiness, InboxNotices notices, Clock clock) {
        this.messages = messages;
        this.directory = directory;
        this.reachBook = reachBook;
        this.outbox = outbox;
        this.readiness = readiness;
        this.notices = notices;
        this.clock = clock;
    }

    @Override
    public MessageId send(NewMessage message) {
        check(message);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<PersonSummary> sender = Optional.ofNullable(message.from()).map(id -> directory.person(id)
                .orElseThrow(() -> new InvalidFieldException("from", "no person " + id)));
        List<PersonSummary> recipients = recipients(message.to(), message.from());
        MessageId id = MessageId.random();
        messages.insert(new StoredMessage(id, sender.map(s -> s.id().value()).orElse(null),
                sender.map(PersonSummary::displayName).orElse("Smartketing"), kind(message.to()), ref(message.to()),
                label(message.to(), recipients), message.urgency(), message.subject().strip(), message.body().strip(),
                message.regarding(), message.lastResort() == null ? null : message.lastResort().value(), now));
        Function<PersonId, Optional<Reach>> reachOf = person -> reachOf(person, now);
        for (PersonSummary recipient : recipients) {
            Reach reach = reachOf(recipient.id(), now).orElseThrow(() -> new NotFoundException("No person " + recipient.id()));
            UsablePlan usable = UsablePlan.of(Router.plan(reach, message.urgency(), now, reachOf, message.lastResort()),
                    readiness::whyNot);
            store(id, usable.plan(), message.urgency(), now);
            if (usable.fellBack() && message.from() != null && !message.from().equals(recipient.id())) {
                notices.tell(message.from(), id, recipient.displayName() + " can only be reached in the app",
                        "Your message \"" + message.subject().strip() + "\" could not go to " + recipient.displayName()
                                + " the way they asked (" + usable.plan().steps().get(0).reason()
                                + "). It waits in their inbox in the app.");
            }
        }
        return id;
    }

    /** Stores the plan and schedules its first step; only FYI waits for the digest, a held NORMAL for its own time. */
    private void store(MessageId message, RecipientPlan plan, Urgency urgency, Instant now) {
        UUID recipient = plan.recipient().id().value();
        messages.insertRecipient(message, recipient, plan.recipient().displayName(),
                plan.promised() == null ? null : (int) plan.promised().toMinutes());
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            PlannedStep p = plan.steps().get(i);
            boolean first = i == 0;
            Instant due = first ? (p.heldUntil() != null ? p.heldUntil() : now) : null;
            Step step = new Step(UUID.randomUUID(), message, recipient, i, p.person().id().value(),
                    p.person().displayName(), p.channel(), p.address(), p.reason(),
                    p.waitFor() == null ? null : (int) Math.max(1, p.waitFor().toMinutes()),
                    p.heldUntil() != null && urgency == Urgency.FYI,
                    first ? StepState.PENDING : StepState.PLANNED, due, 0, null, null);
            messages.insertStep(step);
            steps.add(step);
        }
        outbox.scheduleFirst(steps.get(0));
    }

    private Optional<Reach> reachOf(PersonId person, Instant at) {
        return reachBook.reachOf(person, at);
    }

    private static void check(NewMessage message) {
        if (message.to() == null) {
            throw new InvalidFieldException("to", "must name a person, a job role or a team");
        }
        if (message.urgency() == null) {
            throw new InvalidFieldException("urgency", "must be URGENT, NORMAL or FYI");
        }
        if (message.subject() == null || message.subject().isBlank()) {
            throw new InvalidFieldException("subject", "must not be empty");
        }
        if (message.subject().strip().length() > SUBJECT_MAX) {
            throw new InvalidFieldException("subject", "must be at most " + SUBJECT_MAX + " characters");
        }
        if (message.subject().contains("\n") || message.subject().contains("\r")) {
            throw new InvalidFieldException("subject", "must be one line");
        }
        if (message.body() == null || message.body().isBlank()) {
            throw new InvalidFieldException("body", "must not be empty");
        }
        if (message.body().length() > BODY_MAX) {
            throw new InvalidFieldException("body", "must be at most " + BODY_MAX + " characters");
        }
    }

    private List<PersonSummary> recipients(Audience audience, PersonId sender) {
        if (audience instanceof Audience.Person p) {
            if (p.id() == null) {
                throw new InvalidFieldException("to", "must name a person");
            }
            return List.of(directory.person(p.id()).filter(PersonSummary::enabled)
                    .orElseThrow(() -> new NotFoundException("No person " + p.id() + " to send to")));
        }
        if (audience instanceof Audience.JobRole r) {
            if (r.name() == null || r.name().isBlank()) {
                throw new InvalidFieldException("to", "must name a job role");
            }
            List<PersonSummary> people = directory.enabledPeople().stream()
                    .filter(p -> r.name().strip().equalsIgnoreCase(p.jobRole()))
                    .filter(p -> !p.id().equals(sender)).toList();
            if (people.isEmpty()) {
                throw new InvalidFieldException("to", "nobody else has the job role " + r.name().strip());
            }
            return people;
        }
        Audience.Team t = (Audience.Team) audience;
        if (t.id() == null) {
            throw new InvalidFieldException("to", "must name a team");
        }
        List<PersonSummary> people = directory.membersOf(t.id()).stream().filter(PersonSummary::enabled)
                .filter(p -> !p.id().equals(sender)).toList();
        if (people.isEmpty()) {
            throw new InvalidFieldException("to", "the team has nobody else to send to");
        }
        return people;
    }

    private static String kind(Audience audience) {
        return audience instanceof Audience.Person ? "PERSON" : audience instanceof Audience.JobRole ? "JOB_ROLE" : "TEAM";
    }

    private static String ref(Audience audience) {
        if (audience instanceof Audience.Person p) {
            return p.id().toString();
        }
        if (audience instanceof Audience.JobRole r) {
            return r.name().strip();
        }
        return ((Audience.Team) audience).id().toString();
    }

    private String label(Audience audience, List<PersonSummary> recipients) {
        String label;
        if (audience instanceof Audience.Person) {
            label = recipients.get(0).displayName();
        }
        else if (audience instanceof Audience.JobRole r) {
            label = "everyone who is " + r.name().strip();
        }
        else {
            label = directory.teamName(((Audience.Team) audience).id()).map(n -> "team " + n).orElse("a team");
        }
        return label.length() > 200 ? label.substring(0, 199) + "…" : label;
    }
}
