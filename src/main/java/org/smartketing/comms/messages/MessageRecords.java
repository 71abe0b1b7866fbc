package org.smartketing.comms.messages;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.smartketing.comms.Channel;
import org.smartketing.comms.MessageId;
import org.smartketing.comms.Regarding;
import org.smartketing.comms.Urgency;

/** The stored shapes of a message, its recipients, plan steps and delivery attempts. */
final class MessageRecords {

    private MessageRecords() {
    }

    /** A message as sent; {@code senderId} is null for a system notification. */
    record StoredMessage(MessageId id, UUID senderId, String senderName, String audienceKind, String audienceRef,
            String audienceLabel, Urgency urgency, String subject, String body, Regarding regarding,
            UUID lastResortId, Instant sentAt) {
    }

    record Recipient(UUID personId, String personName, Integer promisedMinutes, Instant firstDeliveredAt,
            Instant acknowledgedAt, UUID acknowledgedBy, String acknowledgedByName) {

        public boolean acknowledged() {
            return acknowledgedAt != null;
        }
    }

    enum StepState {
        /** Waits for the step before it to go unacknowledged. */
        PLANNED,
        /** Its job is scheduled for {@code dueAt}. */
        PENDING,
        /** Claimed by one node, being handed to the channel. */
        SENDING, DELIVERED, FAILED,
        /** The message was acknowledged before this step was due. */
        SKIPPED
    }

    record Step(UUID id, MessageId messageId, UUID recipientId, int stepNo, UUID personId, String personName,
            Channel channel, String address, String reason, Integer waitMinutes, boolean held, StepState state,
            Instant dueAt, int attempts, Instant deliveredAt, String lastError) {
    }

    /** {@code detail} (the address a name resolved to, the remote status) is shown to admins only. */
    record Attempt(UUID stepId, int attempt, Channel channel, Instant at, String outcome, String reason,
            String detail) {
    }

    /** A message with everything the message page and the API show. */
    record MessageDetails(StoredMessage message, List<Recipient> recipients, List<Step> steps,
            List<Attempt> attempts) {

        public List<Step> stepsOf(UUID recipient) {
            return steps.stream().filter(s -> s.recipientId().equals(recipient)).toList();
        }

        public List<Attempt> attemptsOf(UUID step) {
            return attempts.stream().filter(a -> a.stepId().equals(step)).toList();
        }
    }

    /** A line of a list of messages. */
    record MessageLine(MessageId id, Urgency urgency, String subject, String senderName, String audienceLabel,
            Instant sentAt, int recipients, int acknowledged) {
    }
}
