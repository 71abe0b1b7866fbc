package org.smartketing.mail;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A file sent with an email.
 *
 * @param contentType the full MIME type with its parameters, e.g. {@code text/calendar; method=REQUEST; charset=UTF-8};
 *                    a {@code text/calendar} attachment is also sent as the message's calendar part, which
 *                    mail programs show as an invitation to accept or decline
 */
public record MailAttachment(String filename, String contentType, byte[] content) {

    public MailAttachment {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }

    public static MailAttachment text(String filename, String contentType, String text) {
        return new MailAttachment(filename, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    boolean isCalendar() {
        return contentType.toLowerCase().startsWith("text/calendar");
    }
}
