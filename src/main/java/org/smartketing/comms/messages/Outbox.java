package org.smartketing.comms.messages;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartketing.comms.Channel;
import org.smartketing.comms.Urgency;
import org.smartketing.comms.channels.ChannelDelivery;
import org.smartketing.comms.channels.ChannelSender;
import org.smartketing.comms.channels.DeliveryFailedException;
import org.smartketing.comms.messages.MessageRecords.Step;
import org.smartketing.comms.messages.MessageRecords.StepState;
import org.smartketing.comms.messages.MessageRecords.StoredMessage;
import org.smartketing.team.PersonId;
import org.smartketing.web.Words;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

/**
 * Delivers plan steps. Every step that is due has a persistent one-time job (id {@code <step>/<attempt>});
 * a step's job first claims it ({@code PENDING → SENDING} in a guarded UPDATE, committed before
 * the channel is called), so a step goes out at most once whichever node runs the job, and never
 * before the transaction that planned it committed (the job row is part of that transaction).
 * A delivered step schedules the next one for when the reached person's response time is over;
 * a failure is retried with doubling waits and, after the configured attempts, the plan falls
 * through to the next step at once. Held FYI steps go out together, one digest per person and
 * start of working hours (job id {@code <person>/<epoch second>/<attempt>}).
 *
 * <p>A node that dies between claim and outcome leaves its step in SENDING. It is never repeated
 * (the price of "at most once"), but a recurring job ({@link #recoverStuck()}) fails it once it has
 * been SENDING longer than {@code sending-timeout} and moves the plan on, so the escalation goes on.
 */
@Component
class Outbox {

    static final String STEP_TASK = "comms-step";
    static final String DIGEST_TASK = "comms-digest";
    static final String STUCK_TASK = "comms-stuck-steps";

    static final String STOPPED_WHILE_SENDING = "the node sending it stopped before the channel answered; "
            + "not tried again, so it is never sent twice";

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final Messages messages;
    private final SchedulerClient scheduler;
    private final ObjectProvider<ChannelSender> senders;
    private final AcknowledgeLinks links;
    private final MessageSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    Outbox(Messages messages, SchedulerClient scheduler, ObjectProvider<ChannelSender> senders, AcknowledgeLinks links,
            MessageSettings settings, PlatformTransactionManager transactions, Clock clock) {
        this.messages = messages;
        this.scheduler = scheduler;
        this.senders = senders;
        this.links = links;
        this.settings = settings;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Schedules a recipient's first step: now, or in the digest when it is a held FYI. */
    void scheduleFirst(Step step) {
        if (step.held()) {
            scheduler.scheduleIfNotExists(new TaskInstance<Void>(DIGEST_TASK,
                    step.personId() + "/" + step.dueAt().getEpochSecond() + "/1"), step.dueAt());
        }
        else {
            scheduleStep(step.id(), 1, step.dueAt());
        }
    }

    private void scheduleStep(UUID step, int attempt, Instant at) {
        scheduler.scheduleIfNotExists(new TaskInstance<Void>(STEP_TASK, step + "/" + attempt), at);
    }

    /** Runs one step job. Does nothing for a step that is not (or no longer) pending. */
    void runStep(String jobId) {
        UUID id = UUID.fromString(jobId.substring(0, jobId.indexOf('/')));
        Optional<Step> claimed = tx.execute(status -> {
            Optional<Step> step = messages.step(id).filter(s -> s.state() == StepState.PENDING);
            if (step.isEmpty()) {
                return Optional.<Step>empty();
            }
            if (messages.recipient(step.get().messageId(), step.get().recipientId()).map(r -> r.acknowledged())
                    .orElse(true)) {
                messages.skip(id);
                return Optional.<Step>empty();
            }
            return messages.claim(id, clock.instant()) ? messages.step(id) : Optional.<Step>empty();
        });
        if (claimed.isEmpty()) {
            log.debug("Message step job {} found nothing to do", jobId);
            return;
        }
        Step step = claimed.get();
        StoredMessage message = messages.message(step.messageId()).orElseThrow();
        Optional<Failure> failure = hand(step.channel(), delivery(step.id(), step, message, List.of()));
        outcome(List.of(step), failure, () -> {
            int attempt = step.attempts() + 1;
            Instant due = clock.instant().plus(settings.retryAfter(step.attempts()));
            scheduleStep(step.id(), attempt, due);
            return due;
        });
    }

    /** Runs one digest job: every held FYI step of the person that is due goes out in one delivery. */
    void runDigest(String jobId) {
        String[] parts = jobId.split("/");
        UUID person = UUID.fromString(parts[0]);
        int attempt = Integer.parseInt(parts[2]);
        List<Step> claimed = tx.execute(status -> {
            List<Step> mine = new ArrayList<>();
            for (Step step : messages.heldFor(person, clock.instant().plusSeconds(1))) {
                if (messages.claim(step.id(), clock.instant())) {
                    mine.add(messages.step(step.id()).orElseThrow());
                }
            }
            return mine;
        });
        if (claimed.isEmpty()) {
            return;
        }
        Step first = claimed.get(0);
        StoredMessage message = messages.message(first.messageId()).orElseThrow();
        UUID deliveryId = UUID.nameUUIDFromBytes((parts[0] + "/" + parts[1]).getBytes(StandardCharsets.UTF_8));
        ChannelDelivery delivery = claimed.size() == 1 ? delivery(first.id(), first, message, List.of())
                : delivery(deliveryId, first, message, claimed);
        Optional<Failure> failure = hand(first.channel(), delivery);
        outcome(claimed, failure, () -> {
            Instant due = clock.instant().plus(settings.retryAfter(attempt));
            scheduler.scheduleIfNotExists(new TaskInstance<Void>(DIGEST_TASK,
                    parts[0] + "/" + parts[1] + "/" + (attempt + 1)), due);
            return due;
        });
    }

    /**
     * Records what came of handing the steps over, and what happens next. A step whose claim is gone
     * meanwhile (swept as stuck, see {@link #recoverStuck()}) is left as it is.
     */
    private void outcome(List<Step> steps, Optional<Failure> failure, java.util.function.Supplier<Instant> retry) {
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Step lead = steps.get(0);
            if (failure.isEmpty()) {
                for (Step step : claimStillHeld(steps, s -> messages.delivered(s, now))) {
                    messages.attempt(step.id(), step.attempts(), step.channel(), now, "DELIVERED", null, null);
                    messages.firstDelivered(step.messageId(), step.recipientId(), now);
                    if (step.waitMinutes() != null) {
                        next(step, now.plus(Duration.ofMinutes(step.waitMinutes())));
                    }
                }
                return;
            }
            if (lead.attempts() < settings.attemptsPerChannel()) {
                // a retry job for a step that is no longer PENDING finds nothing to do
                Instant due = retry.get();
                for (Step step : claimStillHeld(steps, s -> messages.failed(s, failure.get().reason(), due))) {
                    messages.attempt(step.id(), step.attempts(), step.channel(), now, "FAILED", failure.get().reason(),
                            failure.get().detail());
                }
                return;
            }
            for (Step step : steps) {
                giveUp(step, failure.get(), failure.get().reason() + " (gave up after " + step.attempts() + " attempts)",
                        now);
            }
        });
    }

    /** The step fails for good and the plan moves on to its next step at once; nothing when its claim is gone. */
    private void giveUp(Step step, Failure attempt, String stepReason, Instant now) {
        if (claimStillHeld(List.of(step), s -> messages.failed(s, stepReason, null)).isEmpty()) {
            return;
        }
        messages.attempt(step.id(), step.attempts(), step.channel(), now, "FAILED", attempt.reason(), attempt.detail());
        next(step, now);
    }

    private static List<Step> claimStillHeld(List<Step> steps, java.util.function.Predicate<Step> transition) {
        List<Step> held = new ArrayList<>();
        for (Step step : steps) {
            if (transition.test(step)) {
                held.add(step);
            }
            else {
                log.warn("Message step {} was no longer SENDING at attempt {} when its outcome came; left as it is",
                        step.id(), step.attempts());
            }
        }
        return held;
    }

    /**
     * Fails every step that has been SENDING longer than {@code sending-timeout}: its node stopped
     * between claim and outcome. The channel may or may not have had it, so it is not tried again
     * (never twice); the plan moves on as after a final failure, so an escalation goes on. The
     * guarded UPDATE makes nodes sweeping at once act once.
     */
    void recoverStuck() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        for (Step step : messages.sendingSince(now.minus(settings.sendingTimeout()))) {
            tx.executeWithoutResult(status -> giveUp(step, new Failure(STOPPED_WHILE_SENDING, null), STOPPED_WHILE_SENDING,
                    now));
        }
    }

    private void next(Step after, Instant at) {
        messages.nextStep(after).filter(n -> messages.schedule(n.id(), at)).ifPresent(n -> scheduleStep(n.id(), 1, at));
    }

    /** Hands the delivery to the channel; the reason it failed, if it did. */
    /** Why a channel did not take a delivery: the reason everyone sees, the detail admins see (may be null). */
    record Failure(String reason, String detail) {
    }

    private Optional<Failure> hand(Channel channel, ChannelDelivery delivery) {
        Map<Channel, ChannelSender> byChannel = new EnumMap<>(Channel.class);
        senders.orderedStream().forEach(s -> byChannel.putIfAbsent(s.channel(), s));
        ChannelSender sender = byChannel.get(channel);
        if (sender == null) {
            return Optional.of(new Failure("no " + channel + " channel is set up in this installation", null));
        }
        try {
            sender.send(delivery);
            return Optional.empty();
        }
        catch (DeliveryFailedException ex) {
            return Optional.of(new Failure(ex.getMessage() == null ? "the channel refused it" : ex.getMessage(),
                    ex.detail()));
        }
        catch (RuntimeException ex) {
            log.warn("Channel {} failed on delivery {}", channel, delivery.deliveryId(), ex);
            return Optional.of(new Failure("unexpected error", ex.getClass().getSimpleName()));
        }
    }

    private ChannelDelivery delivery(UUID deliveryId, Step step, StoredMessage message, List<Step> digest) {
        if (!digest.isEmpty()) {
            StringBuilder body = new StringBuilder("These FYI messages waited for the start of your working hours:\n");
            for (Step held : digest) {
                messages.message(held.messageId()).ifPresent(m -> body.append("\n- ").append(m.subject())
                        .append(" (from ").append(m.senderName()).append("): ")
                        .append(links.absolute("/messages/" + m.id())));
            }
            body.append("\n\nWhy they came together: ").append(step.reason()).append('\n');
            return new ChannelDelivery(deliveryId, new PersonId(step.personId()), step.address(),
                    "Digest: " + digest.size() + " FYI messages", body.toString(), null, null);
        }
        StringBuilder body = new StringBuilder();
        body.append(message.senderName()).append(" sent ")
                .append(step.personId().equals(step.recipientId()) ? "you" : "this to a person you cover for")
                .append(switch (message.urgency()) {
                    case URGENT -> " an urgent";
                    case NORMAL -> " a normal";
                    case FYI -> " an FYI";
                }).append(" message:\n\n")
                .append(message.body()).append("\n");
        if (message.regarding() != null) {
            body.append("\nAbout: ").append(message.regarding().title());
            if (message.regarding().path() != null) {
                body.append(" — ").append(links.absolute(message.regarding().path()));
            }
            body.append('\n');
        }
        body.append("\nWhy this reached you by ").append(Router.label(step.channel())).append(": ")
                .append(step.reason()).append('\n');
        String ack = message.urgency() == Urgency.FYI ? null : links.urlFor(step.id());
        body.append("The message: ").append(links.absolute("/messages/" + message.id())).append('\n');
        String subject = (message.urgency() == Urgency.FYI ? "" : "[" + Words.sentence(message.urgency().name()) + "] ")
                + message.subject();
        return new ChannelDelivery(deliveryId, new PersonId(step.personId()), step.address(), subject,
                body.toString(), ack, message.id());
    }
}
