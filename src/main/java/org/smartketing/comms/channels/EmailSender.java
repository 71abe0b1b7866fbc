package org.smartketing.comms.channels;

import org.smartketing.comms.Channel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Email straight to SMTP (timeouts from {@code spring.mail.properties}). Without an SMTP server
 * ({@code spring.mail.host} unset) the delivery fails with that reason rather than being held,
 * so the router falls through to the person's next channel instead of waiting on mail no one sends.
 */
@Component
class EmailSender implements ChannelSender {

    private final ObjectProvider<JavaMailSender> smtp;
    private final ChannelSettings settings;

    EmailSender(ObjectProvider<JavaMailSender> smtp, ChannelSettings settings) {
        this.smtp = smtp;
        this.settings = settings;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(ChannelDelivery delivery) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            throw new DeliveryFailedException("no SMTP server is configured (spring.mail.host)");
        }
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(settings.email().from());
        mail.setTo(delivery.address());
        mail.setSubject(delivery.subject());
        mail.setText(delivery.body() + (delivery.acknowledgeUrl() == null ? ""
                : "\n\nAcknowledge: " + delivery.acknowledgeUrl()));
        try {
            sender.send(mail);
        }
        catch (MailException ex) {
            throw new DeliveryFailedException("the SMTP server refused it: " + ex.getMessage(), ex);
        }
    }
}
