package org.smartketing.comms.channels;

import org.smartketing.comms.Channel;

/**
 * Hands a delivery to one channel: SMTP, the SMS/voice provider, a chat webhook, the in-app inbox.
 * Every outgoing call has a timeout; a URL pointing at a private address is refused.
 */
public interface ChannelSender {

    Channel channel();

    /**
     * Returns when the channel accepted the delivery.
     *
     * @throws DeliveryFailedException with a reason people can read (e.g. "provider answered 500")
     */
    void send(ChannelDelivery delivery);
}
