package org.smartketing.mail;

import java.util.List;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The one way to the SMTP server ({@code spring.mail.*}, timeouts included): builds the message —
 * plain text, or text with every calendar file as an inline {@code text/calendar} part and every file
 * as an attachment — and hands it over, on the caller's thread. The outbox ({@link Mailer}) and the
 * communication part's email channel both send through it.
 */
@Component
public class SmtpSender {

    private final ObjectProvider<JavaMailSender> smtp;

    SmtpSender(ObjectProvider<JavaMailSender> smtp) {
        this.smtp = smtp;
    }

    /** Whether an SMTP server is configured ({@code spring.mail.host}). */
    public boolean isConfigured() {
        return smtp.getIfAvailable() != null;
    }

    /**
     * @throws IllegalStateException when no SMTP server is configured
     * @throws MailException         when the message cannot be built or the server does not take it
     */
    public void send(String from, String to, String subject, String body, List<MailAttachment> files) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("no SMTP server is configured (spring.mail.host)");
        }
        if (files.isEmpty()) {
            SimpleMailMessage mail = new SimpleMailMessage();
            mail.setFrom(from);
            mail.setTo(to);
            mail.setSubject(subject);
            mail.setText(body);
            sender.send(mail);
            return;
        }
        try {
            sender.send(withFiles(sender.createMimeMessage(), from, to, subject, body, files));
        }
        catch (MessagingException ex) {
            throw new MailPreparationException(ex);
        }
    }

    /** Text, then each calendar file as an inline part (what Outlook and Gmail read as an invitation), then every file. */
    private static MimeMessage withFiles(MimeMessage mime, String from, String to, String subject, String body,
            List<MailAttachment> files) throws MessagingException {
        MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED, "UTF-8");
        helper.setFrom(from);
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText(body);
        for (MailAttachment file : files) {
            if (file.isCalendar()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(file.content(), file.contentType())));
                part.setHeader("Content-Type", file.contentType());
                helper.getMimeMultipart().addBodyPart(part);
            }
            helper.addAttachment(file.filename(), new ByteArrayDataSource(file.content(), file.contentType()));
        }
        return mime;
    }
}
