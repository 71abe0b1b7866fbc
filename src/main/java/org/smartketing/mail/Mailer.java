package org.smartketing.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.smartketing.shared.jobs.ScheduledJobs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.task.TaskInstance;

/**
 * Sends plain-text email, optionally with attachments. The message is stored in the outbox with a
 * persistent job to send it, both in the caller's transaction: a rolled-back change never sends
 * mail, and a committed one sends it even if this node stops. The job ({@link MailDelivery}) tries
 * it up to {@code smartketing.mail.attempts} times with doubling waits and never sends it twice;
 * when no SMTP server is configured ({@code spring.mail.host} unset) it is kept as HELD in the admin
 * outbox, attachments included.
 */
@Service
@Transactional
public class Mailer {

    private final MailMessages messages;
    private final SmtpSender smtp;
    private final ScheduledJobs jobs;
    private final Clock clock;

    Mailer(MailMessages messages, SmtpSender smtp, ScheduledJobs jobs, Clock clock) {
        this.messages = messages;
        this.smtp = smtp;
        this.jobs = jobs;
        this.clock = clock;
    }

    public void send(String to, String subject, String body) {
        send(to, subject, body, List.of());
    }

    /** As {@link #send(String, String, String)}, with files; a calendar file also becomes the invitation part. */
    public void send(String to, String subject, String body, List<MailAttachment> attachments) {
        Instant now = clock.instant();
        boolean sendable = smtp.isConfigured();
        UUID id = messages.add(to, subject, body, sendable ? MailMessages.Status.QUEUED : MailMessages.Status.HELD, now);
        messages.attach(id, List.copyOf(attachments));
        if (sendable) {
            jobs.schedule(new TaskInstance<Void>(MailDelivery.SEND_TASK, MailDelivery.jobId(id, 1)), now);
        }
    }
}
