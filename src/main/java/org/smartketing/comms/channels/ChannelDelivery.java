package org.smartketing.comms.channels;

import java.util.UUID;

import org.smartketing.comms.MessageId;
import org.smartketing.team.PersonId;

/**
 * One hand-over to a channel.
 *
 * @param deliveryId     stable for the plan step: receivers may de-duplicate on it
 * @param recipient      who it reaches
 * @param address        the channel's verified address (email, E.164 number, webhook URL, person id for in-app)
 * @param subject        one line
 * @param body           plain text, already including who sent it and why it came this way
 * @param acknowledgeUrl the signed link that acknowledges it, or {@code null} for FYI
 * @param messageId      the message it delivers, or {@code null} (a verification code): the in-app
 *                       inbox links its item to {@code /messages/{messageId}}
 */
public record ChannelDelivery(UUID deliveryId, PersonId recipient, String address, String subject, String body,
        String acknowledgeUrl, MessageId messageId) {

    public ChannelDelivery(UUID deliveryId, PersonId recipient, String address, String subject, String body,
            String acknowledgeUrl) {
        this(deliveryId, recipient, address, subject, body, acknowledgeUrl, null);
    }
}
