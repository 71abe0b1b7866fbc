package org.smartketing.mail;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends plain-text email, optionally with attachments. The message is stored first and handed to
 * SMTP only once the surrounding transaction commits, so a rolled-back change never sends mail;
 * when no SMTP server is configured ({@code spring.mail.host} unset) it is kept as HELD in the
 * admin outbox, attachments included.
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
        send(to, subject, body, List.of());
    }

    /** As {@link #send(String, String, String)}, with files; a calendar file also becomes the invitation part. */
    public void send(String to, String subject, String body, List<MailAttachment> attachments) {
        UUID id = messages.add(to, subject, body, clock.instant());
        List<MailAttachment> files = List.copyOf(attachments);
        messages.attach(id, files);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(id, to, subject, body, files);
                }
            });
        }
        else {
            deliver(id, to, subject, body, files);
        }
    }

    private void deliver(UUID id, String to, String subject, String body, List<MailAttachment> files) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            return;
        }
        try {
            if (files.isEmpty()) {
                SimpleMailMessage mail = new SimpleMailMessage();
                mail.setFrom(properties.from());
                mail.setTo(to);
                mail.setSubject(subject);
                mail.setText(body);
                sender.send(mail);
            }
            else {
                sender.send(withFiles(sender, to, subject, body, files));
            }
            messages.markSent(id, clock.instant());
        }
        catch (MailException | MessagingException ex) {
            log.warn("Could not send mail {} to SMTP: {}", id, ex.getMessage());
            messages.markFailed(id, ex.getMessage());
        }
    }

    /**
     * Text, then each calendar file as an inline {@code text/calendar} part (what Outlook and Gmail
     * read as an invitation), then every file as an attachment.
     */
    private MimeMessage withFiles(JavaMailSender sender, String to, String subject, String body,
            List<MailAttachment> files) throws MessagingException {
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText(body);
        for (MailAttachment file : files) {
            if (file.isCalendar()) {
                jakarta.mail.internet.MimeBodyPart part = new jakarta.mail.internet.MimeBodyPart();
                part.setDataHandler(new jakarta.activation.DataHandler(
                        new ByteArrayDataSource(file.content(), file.contentType())));
                part.setHeader("Content-Type", file.contentType());
                helper.getMimeMultipart().addBodyPart(part);
            }
            helper.addAttachment(file.filename(), new ByteArrayDataSource(file.content(), file.contentType()));
        }
        return mime;
    }
}
