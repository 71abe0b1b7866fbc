package org.smartketing.comms.channels;

import java.time.Clock;

import org.smartketing.comms.Channel;
import org.smartketing.shared.Text;
import org.springframework.stereotype.Component;

/** The in-app inbox: one item per delivery (never two for one), and the live unread count told. */
@Component
class InAppSender implements ChannelSender {

    private final Inbox inbox;
    private final UnreadCounts unread;
    private final Clock clock;

    InAppSender(Inbox inbox, UnreadCounts unread, Clock clock) {
        this.inbox = inbox;
        this.unread = unread;
        this.clock = clock;
    }

    @Override
    public Channel channel() {
        return Channel.IN_APP;
    }

    @Override
    public void send(ChannelDelivery delivery) {
        if (inbox.add(new Inbox.Item(delivery.deliveryId(), delivery.recipient(), delivery.messageId(),
                Text.abbreviate(delivery.subject(), 300), delivery.body(), delivery.acknowledgeUrl(),
                clock.instant(), null))) {
            unread.changed(delivery.recipient());
        }
    }
}
