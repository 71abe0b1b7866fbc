package org.smartketing.comms.channels;

import java.util.List;

import org.smartketing.comms.Channel;
import org.smartketing.mail.SmtpSender;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Email straight to SMTP through the mail part's {@link SmtpSender} (the message step's job is this
 * channel's outbox and retries). Without an SMTP server ({@code spring.mail.host} unset) the
 * delivery fails with that reason rather than being held, so the router falls through to the
 * person's next channel instead of waiting on mail no one sends.
 */
@Component
class EmailSender implements ChannelSender {

    private final SmtpSender smtp;
    private final ChannelSettings settings;

    EmailSender(SmtpSender smtp, ChannelSettings settings) {
        this.smtp = smtp;
        this.settings = settings;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(ChannelDelivery delivery) {
        if (!smtp.isConfigured()) {
            throw new DeliveryFailedException("no SMTP server is configured (spring.mail.host)");
        }
        String body = delivery.body() + (delivery.acknowledgeUrl() == null ? ""
                : "\n\nAcknowledge: " + delivery.acknowledgeUrl());
        try {
            smtp.send(settings.email().from(), delivery.address(), delivery.subject(), body, List.of());
        }
        catch (MailException ex) {
            throw new DeliveryFailedException("the SMTP server refused it: " + ex.getMessage(), ex);
        }
    }
}
