package org.smartketing.shared.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.smartketing.support.LocalReceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The call goes to the addresses the one checked lookup gave (no second lookup that a rebinding
 * name could answer differently), and what people read of a failure names no address or status.
 */
class OutboundHttpTests {

    static final OutboundSettings SETTINGS = new OutboundSettings(false, List.of(), Duration.ofSeconds(1),
            Duration.ofSeconds(1));

    final LocalReceiver receiver = LocalReceiver.get();

    /** A name only our lookup knows: the first answer is the local receiver, every later one a private address. */
    static final class Rebinding extends OutboundAddresses {

        final AtomicInteger lookups = new AtomicInteger();

        Rebinding() {
            super(new OutboundSettings(false, List.of("hooks.example"), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        }

        @Override
        InetAddress[] resolve(String host) throws UnknownHostException {
            if (lookups.incrementAndGet() > 1) {
                return new InetAddress[] { InetAddress.getByName("10.9.9.9") };
            }
            return new InetAddress[] { InetAddress.getLoopbackAddress() };
        }
    }

    @Test
    void connectsToTheAddressOfTheOneCheckedLookup() {
        Rebinding dns = new Rebinding();
        OutboundHttp http = new OutboundHttp(dns, SETTINGS);
        String path = "/chat/" + UUID.randomUUID();
        int port = URI.create(receiver.url("/")).getPort();

        http.post("http://hooks.example:" + port + path, "application/json", "{\"text\":\"hi\"}", Map.of(),
                "the chat webhook");

        assertThat(dns.lookups).as("lookups for one call").hasValue(1);
        assertThat(receiver.receivedAt(path)).hasSize(1);
    }

    @Test
    void aRefusedAddressIsTheAdminsDetailOnlyAndARemoteStatusIsAnswered() {
        OutboundHttp http = new OutboundHttp(new OutboundAddresses(SETTINGS), SETTINGS);

        assertThatThrownBy(() -> http.post("http://127.0.0.1:9/hook", "application/json", "{}", Map.of(), "the webhook"))
                .isInstanceOfSatisfying(CallFailedException.class, ex -> {
                    assertThat(ex.getMessage()).isEqualTo("the URL is refused: this address cannot be used");
                    assertThat(ex.detail()).contains("127.0.0.1");
                });

        OutboundSettings local = new OutboundSettings(false, List.of("127.0.0.1"), Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        OutboundHttp allowed = new OutboundHttp(new OutboundAddresses(local), local);
        OutboundHttp.Answer answer = allowed.post(receiver.url("/chat/fail/" + UUID.randomUUID()), "application/json",
                "{}", Map.of("X-Test", "yes"), "the webhook");
        assertThat(answer.taken()).isFalse();
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.body()).isEqualTo("{\"ok\":true}");
    }
}
