package org.smartketing.comms.channels;

import java.util.Map;

import org.smartketing.comms.Channel;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Chat through a Slack-compatible incoming webhook: {@code POST {"text": "..."}} to the person's URL. */
@Component
class ChatSender implements ChannelSender {

    private final ChannelHttp http;
    private final JsonMapper json;

    ChatSender(ChannelHttp http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    @Override
    public Channel channel() {
        return Channel.CHAT;
    }

    @Override
    public void send(ChannelDelivery delivery) {
        String text = "*" + delivery.subject() + "*\n" + delivery.body()
                + (delivery.acknowledgeUrl() == null ? "" : "\nAcknowledge: " + delivery.acknowledgeUrl());
        http.post(delivery.address(), "application/json", json.writeValueAsString(Map.of("text", text)), null, null,
                "the chat webhook");
    }
}
