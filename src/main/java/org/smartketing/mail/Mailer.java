package org.smartketing.mail;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends plain-text email. The message is stored first and handed to SMTP only once the
 * surrounding transaction commits, so a rolled-back change never sends mail; when no SMTP server
 * is configured ({@code spring.mail.host} unset) it is kept as HELD in the admin outbox.
 */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final MailMessages messages;
    private final ObjectProvider<JavaMailSender> smtp;
    private final MailProperties properties;
    private final Clock clock;

    Mailer(MailMessages messages, ObjectProvider<JavaMailSender> smtp, MailProperties properties, Clock clock) {
        this.messages = messages;
        this.smtp = smtp;
        this.properties = properties;
        this.clock = clock;
    }

    public void send(String to, String subject, String body) {
        UUID id = messages.add(to, subject, body, clock.instant());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(id, to, subject, body);
                }
            });
        }
        else {
            deliver(id, to, subject, body);
        }
    }

    private void deliver(UUID id, String to, String subject, String body) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            return;
        }
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(properties.from());
        mail.setTo(to);
        mail.setSubject(subject);
        mail.setText(body);
        try {
            sender.send(mail);
            messages.markSent(id, clock.instant());
        }
        catch (MailException ex) {
            log.warn("Could not send mail {} to SMTP: {}", id, ex.getMessage());
            messages.markFailed(id, ex.getMessage());
        }
    }
}
