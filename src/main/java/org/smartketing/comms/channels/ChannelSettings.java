package org.smartketing.comms.channels;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code smartketing.comms.*}: where text, voice and email go. How far outgoing calls may reach
 * ({@code smartketing.comms.outbound.*}) is {@link org.smartketing.shared.outbound.OutboundSettings},
 * shared with every part that calls out.
 *
 * @param sms      the text-message provider (Twilio-compatible form POST)
 * @param voice    the voice-call provider (same form POST; the spoken text in {@code parameter})
 * @param email    the sender address of channel emails
 */
@ConfigurationProperties("smartketing.comms")
public record ChannelSettings(@DefaultValue Provider sms, @DefaultValue Voice voice, @DefaultValue Email email) {

    /**
     * A Twilio-compatible HTTP provider: {@code POST url} with form fields {@code To}, {@code From}
     * and {@code Body}, authenticated with HTTP Basic {@code account:token}.
     *
     * @param url     e.g. {@code https://api.twilio.com/2010-04-01/Accounts/ACxxx/Messages.json}; unset = no provider
     * @param account the Basic-auth user (Twilio: the account SID)
     * @param token   the Basic-auth password (Twilio: the auth token)
     * @param from    the sending number, E.164
     */
    public record Provider(String url, String account, String token, String from) {

        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * Voice calls through a provider like {@link Provider}.
     *
     * @param parameter the form field carrying what is said: {@code Twiml} (default) wraps the text in
     *                  {@code <Response><Say>…</Say></Response>}; any other name (e.g. {@code Body}) sends it plain
     */
    public record Voice(String url, String account, String token, String from,
            @DefaultValue("Twiml") String parameter) {

        Provider provider() {
            return new Provider(url, account, token, from);
        }
    }

    public record Email(@DefaultValue("Smartketing <no-reply@smartketing.local>") String from) {
    }
}
