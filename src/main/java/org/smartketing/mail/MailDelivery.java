package org.smartketing.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.smartketing.shared.jobs.ScheduledJobs;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.TaskInstance;

/**
 * One try to send one email, run by the persistent job {@code mail-send} with the id
 * {@code <email>/<try>}. The try first claims the email (QUEUED → SENDING, a guarded UPDATE that
 * commits before SMTP is called), so two nodes, a repeated job or a stale one cannot send it twice.
 * Then: sent → SENT; refused → QUEUED again with the next try's job after a doubling wait, or FAILED
 * after the last try; a message that cannot even be built → FAILED at once. An email left SENDING
 * by a node that stopped is failed by {@link #failLost()} and not sent again: the server may have had it.
 */
@Service
class MailDelivery {

    static final String SEND_TASK = "mail-send";
    static final String LOST_TASK = "mail-lost-sending";

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final MailMessages messages;
    private final SmtpSender smtp;
    private final ScheduledJobs jobs;
    private final MailProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MailDelivery(MailMessages messages, SmtpSender smtp, ScheduledJobs jobs, MailProperties properties,
            PlatformTransactionManager transactions, Clock clock) {
        this.messages = messages;
        this.smtp = smtp;
        this.jobs = jobs;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    static String jobId(UUID email, int attempt) {
        return email + "/" + attempt;
    }

    void run(String jobId) {
        int slash = jobId.indexOf('/');
        UUID id = UUID.fromString(jobId.substring(0, slash));
        int attempt = Integer.parseInt(jobId.substring(slash + 1));
        if (!messages.claim(id, attempt, clock.instant())) {
            log.debug("Mail job {} found nothing to send", jobId);
            return;
        }
        Optional<MailMessages.MailMessage> mail = messages.byId(id);
        if (mail.isEmpty()) {
            return;
        }
        if (!smtp.isConfigured()) {
            messages.held(id, attempt);
            return;
        }
        try {
            MailMessages.MailMessage m = mail.get();
            smtp.send(properties.from(), m.recipient(), m.subject(), m.body(), messages.attachmentsOf(id));
            messages.sent(id, attempt, clock.instant());
        }
        catch (MailPreparationException ex) {
            log.warn("Mail {} cannot be built: {}", id, ex.getMessage());
            messages.failed(id, attempt, ex.getMessage());
        }
        catch (MailException | IllegalStateException ex) {
            failedTry(id, attempt, ex.getMessage());
        }
    }

    private void failedTry(UUID id, int attempt, String error) {
        if (attempt >= properties.attempts()) {
            log.warn("Mail {} failed after {} tries: {}", id, attempt, error);
            messages.failed(id, attempt, error);
            return;
        }
        Instant next = clock.instant().plus(properties.waitAfter(attempt));
        log.info("Mail {} not sent on try {} ({}); next try at {}", id, attempt, error, next);
        transaction.executeWithoutResult(status -> {
            if (messages.retryAt(id, attempt, next, error)) {
                jobs.schedule(new TaskInstance<Void>(SEND_TASK, jobId(id, attempt + 1)), next);
            }
        });
    }

    /** Fails every email SENDING for longer than {@code sending-timeout}: its node stopped mid-try. */
    void failLost() {
        int lost = messages.failSendingSince(clock.instant().minus(properties.sendingTimeout()),
                "The node sending it stopped; not sent again, in case the server had it.");
        if (lost > 0) {
            log.warn("{} emails were left sending by a node that stopped; marked failed", lost);
        }
    }
}
