package org.smartketing.comms.channels;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.smartketing.comms.Channel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.util.HtmlUtils;

/**
 * Text and voice through a Twilio-compatible provider: a form POST of {@code To}, {@code From} and
 * the text ({@code Body} for a text message; for a call the {@code Twiml} field, or the plain text in
 * the field configured), with HTTP Basic credentials.
 */
@Configuration(proxyBeanMethods = false)
class ProviderSenders {

    /** Text messages stay short: the subject, the body's start, and the acknowledge link. */
    static final int TEXT_LIMIT = 600;

    @Bean
    ChannelSender smsSender(ChannelHttp http, ChannelSettings settings) {
        return new FormPostSender(Channel.SMS, http, settings.sms(), "Body", false);
    }

    @Bean
    ChannelSender voiceSender(ChannelHttp http, ChannelSettings settings) {
        ChannelSettings.Voice voice = settings.voice();
        return new FormPostSender(Channel.VOICE, http, voice.provider(), voice.parameter(),
                voice.parameter().equalsIgnoreCase("Twiml"));
    }

    static final class FormPostSender implements ChannelSender {

        private final Channel channel;
        private final ChannelHttp http;
        private final ChannelSettings.Provider provider;
        private final String textField;
        private final boolean twiml;

        FormPostSender(Channel channel, ChannelHttp http, ChannelSettings.Provider provider, String textField,
                boolean twiml) {
            this.channel = channel;
            this.http = http;
            this.provider = provider;
            this.textField = textField;
            this.twiml = twiml;
        }

        @Override
        public Channel channel() {
            return channel;
        }

        @Override
        public void send(ChannelDelivery delivery) {
            if (!provider.configured()) {
                throw new DeliveryFailedException("no " + channel.name().toLowerCase() + " provider is configured (smartketing.comms."
                        + channel.name().toLowerCase() + ".url)");
            }
            String text = text(delivery);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("To", delivery.address());
            form.put("From", provider.from() == null ? "" : provider.from());
            form.put(textField, twiml ? "<Response><Say>" + HtmlUtils.htmlEscape(text) + "</Say></Response>" : text);
            String body = form.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
            http.post(provider.url(), "application/x-www-form-urlencoded", body, provider.account(), provider.token(),
                    "the " + channel.name().toLowerCase() + " provider");
        }

        private String text(ChannelDelivery delivery) {
            String link = delivery.acknowledgeUrl() == null || twiml ? "" : "\nAcknowledge: " + delivery.acknowledgeUrl();
            String text = delivery.subject() + "\n" + delivery.body();
            int room = TEXT_LIMIT - link.length();
            return (text.length() > room ? text.substring(0, Math.max(0, room - 1)) + "…" : text) + link;
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
