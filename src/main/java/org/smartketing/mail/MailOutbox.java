package org.smartketing.mail;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox as other parts may read it: what was emailed to an address and whether it left, so a
 * part that must show (or a test that must follow) a mail it caused need not read the mail tables.
 */
@Service
@Transactional(readOnly = true)
public class MailOutbox {

    /** One stored email; {@code status} is HELD (no SMTP server configured), SENT or FAILED. */
    public record Mail(String recipient, String subject, String body, String status, Instant createdAt) {
    }

    private final MailMessages messages;

    MailOutbox(MailMessages messages) {
        this.messages = messages;
    }

    /** Every email to the address (as given, without case folding), newest first; at most {@code limit}. */
    public List<Mail> to(String recipient, int limit) {
        return messages.to(recipient, limit).stream()
                .map(m -> new Mail(m.recipient(), m.subject(), m.body(), m.status().name(), m.createdAt())).toList();
    }
}
