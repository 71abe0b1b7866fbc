package org.smartketing.comms.channels;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.smartketing.shared.outbound.CallFailedException;
import org.smartketing.shared.outbound.OutboundHttp;
import org.springframework.stereotype.Component;

/**
 * A channel's call through the shared {@link OutboundHttp}: taken only when the receiver answered
 * 2xx, else a {@link DeliveryFailedException} whose reason people read and whose detail (the
 * remote status, the address) admins read.
 */
@Component
class ChannelHttp {

    private final OutboundHttp http;

    ChannelHttp(OutboundHttp http) {
        this.http = http;
    }

    /** POSTs the body, with HTTP Basic credentials when a user is given; returns when the receiver took it. */
    void post(String url, String contentType, String body, String basicUser, String basicPassword, String what) {
        Map<String, String> headers = basicUser == null || basicUser.isBlank() ? Map.of()
                : Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (basicUser + ":" + (basicPassword == null ? "" : basicPassword)).getBytes(StandardCharsets.UTF_8)));
        OutboundHttp.Answer answer;
        try {
            answer = http.post(url, contentType, body, headers, what);
        }
        catch (CallFailedException ex) {
            throw new DeliveryFailedException(ex.getMessage(), ex.detail(), ex);
        }
        if (!answer.taken()) {
            throw new DeliveryFailedException(what + " did not take it", "answered " + answer.status(), null);
        }
    }
}
