package org.smartketing.comms.channels;

import java.util.Optional;

import org.smartketing.comms.Channel;
import org.smartketing.mail.SmtpSender;
import org.springframework.stereotype.Component;

/**
 * Which channels this installation can send through at all: a text or a call needs a provider, an
 * email a mail server. Planning leaves the others out with the reason, instead of trying and
 * retrying a step that cannot work while an URGENT message waits.
 */
@Component
public class ChannelReadiness {

    private final ChannelSettings settings;
    private final SmtpSender smtp;

    ChannelReadiness(ChannelSettings settings, SmtpSender smtp) {
        this.settings = settings;
        this.smtp = smtp;
    }

    /** Why the channel cannot be used here, in words a sender reads; empty when it can. */
    public Optional<String> whyNot(Channel channel) {
        return switch (channel) {
            case SMS -> settings.sms().configured() ? Optional.empty() : Optional.of("text messages are not set up");
            case VOICE -> settings.voice().provider().configured() ? Optional.empty()
                    : Optional.of("phone calls are not set up");
            case EMAIL -> smtp.isConfigured() ? Optional.empty() : Optional.of("email is not set up");
            case CHAT, IN_APP -> Optional.empty();
        };
    }
}
