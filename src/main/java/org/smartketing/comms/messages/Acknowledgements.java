package org.smartketing.comms.messages;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.comms.MessageAcknowledged;
import org.smartketing.comms.channels.InboxAcknowledgements;
import org.smartketing.comms.MessageId;
import org.smartketing.comms.messages.MessageRecords.Recipient;
import org.smartketing.comms.messages.MessageRecords.Step;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.team.Actor;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Acknowledging a message for one recipient: by the recipient in the app or API, or by whoever a
 * step reached (delegate, manager) through that step's signed link. It stops the recipient's
 * escalation (their remaining steps are skipped) and is announced once.
 */
@Service
@Transactional
class Acknowledgements {

    /** What an acknowledgement did. */
    record Acknowledged(MessageId message, UUID recipient, String recipientName, boolean now) {
    }

    private final Messages messages;
    private final InboxAcknowledgements inbox;
    private final TeamDirectory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Acknowledgements(Messages messages, TeamDirectory directory, InboxAcknowledgements inbox,
            ApplicationEventPublisher events, Clock clock) {
        this.messages = messages;
        this.inbox = inbox;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The person acknowledges a message they received, or one that reached them for someone else
     * (then it is acknowledged for every recipient whose steps reached them).
     *
     * @throws NotFoundException      when the message does not exist or did not reach them
     */
    Acknowledged byPerson(MessageId message, PersonId person) {
        UUID me = person.value();
        Optional<Recipient> own = messages.recipient(message, me);
        if (own.isPresent()) {
            return acknowledge(message, own.get(), person);
        }
        Optional<Step> reached = messages.details(message).stream().flatMap(d -> d.steps().stream())
                .filter(s -> s.personId().equals(me) && s.deliveredAt() != null).findFirst();
        if (reached.isEmpty()) {
            throw new NotFoundException("No message " + message + " reached you");
        }
        return acknowledge(message, messages.recipient(message, reached.get().recipientId()).orElseThrow(), person);
    }

    /** What the confirm page of a link shows: only what the person holding the link was sent anyway. */
    record LinkSummary(String subject, String urgency, String from, String recipientName, String reachedName,
            java.time.Instant acknowledgedAt, String acknowledgedBy) {
    }

    @Transactional(readOnly = true)
    LinkSummary summaryOf(UUID stepId) {
        Step step = messages.step(stepId).orElseThrow(() -> new NotFoundException("This link is not valid"));
        var message = messages.message(step.messageId()).orElseThrow();
        Recipient recipient = messages.recipient(step.messageId(), step.recipientId()).orElseThrow();
        return new LinkSummary(message.subject(), message.urgency().name(), message.senderName(),
                recipient.personName(), step.personName(), recipient.acknowledgedAt(), recipient.acknowledgedByName());
    }

    /** Through a step's signed link: by the person that step reached. */
    Acknowledged byLink(UUID stepId) {
        Step step = messages.step(stepId).orElseThrow(() -> new NotFoundException("This link is not valid"));
        Recipient recipient = messages.recipient(step.messageId(), step.recipientId()).orElseThrow();
        return acknowledge(step.messageId(), recipient, new PersonId(step.personId()));
    }

    private Acknowledged acknowledge(MessageId message, Recipient recipient, PersonId by) {
        if (recipient.acknowledged()) {
            return new Acknowledged(message, recipient.personId(), recipient.personName(), false);
        }
        if (messages.message(message).map(m -> m.urgency() == org.smartketing.comms.Urgency.FYI).orElse(false)) {
            throw new RuleViolationException("FYI messages need no acknowledgement");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<PersonSummary> acknowledger = directory.person(by);
        String name = acknowledger.map(PersonSummary::displayName).orElse("someone");
        if (!messages.acknowledge(message, recipient.personId(), by.value(), name, now)) {
            return new Acknowledged(message, recipient.personId(), recipient.personName(), false);
        }
        messages.skipRemaining(message, recipient.personId());
        inbox.acknowledged(message, java.util.stream.Stream.of(new PersonId(recipient.personId()), by).distinct().toList(), now);
        events.publishEvent(new MessageAcknowledged(UUID.randomUUID(), message, new PersonId(recipient.personId()), now,
                Actor.person(by, acknowledger.map(PersonSummary::department).orElse(null))));
        return new Acknowledged(message, recipient.personId(), recipient.personName(), true);
    }
}
