package org.smartketing.comms.channels;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.comms.Channel;
import org.smartketing.comms.MessageId;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.LocalReceiver;
import org.smartketing.team.AppRole;
import org.smartketing.team.PersonId;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each channel against a real receiver on 127.0.0.1: what arrives, and how a failing receiver is reported. */
@IntegrationTest
class ChannelSendersTests {

    @Autowired
    List<ChannelSender> senderBeans;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Inbox inbox;

    @Autowired
    JsonMapper json;

    Map<Channel, ChannelSender> senders;
    LocalReceiver receiver = LocalReceiver.get();
    Person person;

    @BeforeEach
    void senders() {
        senders = senderBeans.stream().collect(Collectors.toMap(ChannelSender::channel, Function.identity()));
        person = fixtures.aPerson(AppRole.MEMBER);
    }

    @Test
    void hasOneSenderPerChannel() {
        assertThat(senders).containsOnlyKeys(Channel.values());
    }

    @Test
    void textsThroughATwilioCompatibleFormPostWithBasicAuth() {
        String number = "+4915112" + (100000 + (int) (Math.random() * 899999));
        senders.get(Channel.SMS).send(delivery(number, "https://app.example.com/ack/abc"));

        List<LocalReceiver.Received> texts = receiver.textsTo(number);
        assertThat(texts).hasSize(1);
        LocalReceiver.Received text = texts.get(0);
        assertThat(text.method()).isEqualTo("POST");
        assertThat(text.path()).isEqualTo("/sms/2010-04-01/Accounts/AC-test/Messages.json");
        assertThat(text.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(text.authorization()).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("AC-test:test-token".getBytes(StandardCharsets.UTF_8)));
        assertThat(text.form()).containsEntry("From", "+15005550006").containsEntry("To", number);
        assertThat(text.form().get("Body")).startsWith("Lead assigned\nAcme wants a demo")
                .endsWith("Acknowledge: https://app.example.com/ack/abc");
    }

    @Test
    void callsWithTheTextSpokenAsTwiml() {
        String number = "+4915113" + (100000 + (int) (Math.random() * 899999));
        senders.get(Channel.VOICE).send(delivery(number, null));

        LocalReceiver.Received call = receiver.receivedAt("/voice/").stream()
                .filter(r -> number.equals(r.form().get("To"))).findFirst().orElseThrow();
        assertThat(call.path()).endsWith("/Calls.json");
        assertThat(call.form().get("Twiml")).isEqualTo("<Response><Say>Lead assigned\nAcme wants a demo &amp; a price"
                + "</Say></Response>");
    }

    @Test
    void postsSlackCompatibleJsonToTheChatWebhook() {
        String hook = receiver.url("/chat/T000/" + UUID.randomUUID());
        senders.get(Channel.CHAT).send(delivery(hook, "https://app.example.com/ack/xyz"));

        LocalReceiver.Received post = receiver.receivedAt(hook.substring(hook.indexOf("/chat/"))).get(0);
        assertThat(post.contentType()).isEqualTo("application/json");
        JsonNode body = json.readTree(post.body());
        assertThat(body.properties()).hasSize(1);
        assertThat(body.get("text").asString()).isEqualTo(
                "*Lead assigned*\nAcme wants a demo & a price\nAcknowledge: https://app.example.com/ack/xyz");
    }

    @Test
    void aReceiverThatHangsFailsTheDeliveryWithinTheTimeout() {
        String hook = receiver.url("/chat/hang/" + UUID.randomUUID());
        long started = System.nanoTime();

        assertThatThrownBy(() -> senders.get(Channel.CHAT).send(delivery(hook, null)))
                .isInstanceOf(DeliveryFailedException.class).hasMessageContaining("did not answer within 1000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aReceiverThatAnswers500FailsTheDeliveryWithTheStatusForAdmins() {
        String hook = receiver.url("/chat/fail/" + UUID.randomUUID());
        assertThatThrownBy(() -> senders.get(Channel.CHAT).send(delivery(hook, null)))
                .isInstanceOf(DeliveryFailedException.class).hasMessage("the chat webhook did not take it")
                .extracting(ex -> ((DeliveryFailedException) ex).detail()).isEqualTo("answered 500");
    }

    @Test
    void refusesAtSendTimeAWebhookThatPointsToAPrivateAddress() {
        int before = receiver.receivedAt("/").size();
        for (String hook : List.of("http://10.1.2.3/hook", "http://169.254.169.254/latest/meta-data",
                "http://localhost:8080/hook", "http://[::1]/hook", "file:///etc/passwd")) {
            assertThatThrownBy(() -> senders.get(Channel.CHAT).send(delivery(hook, null)))
                    .as(hook).isInstanceOf(DeliveryFailedException.class).hasMessageStartingWith("the URL ");
        }
        assertThat(receiver.receivedAt("/")).hasSize(before);
    }

    @Test
    void emailFailsWithAClearReasonWhenNoSmtpServerIsConfigured() {
        assertThatThrownBy(() -> senders.get(Channel.EMAIL).send(delivery(person.email(), null)))
                .isInstanceOf(DeliveryFailedException.class)
                .hasMessage("no SMTP server is configured (spring.mail.host)");
    }

    @Test
    void putsADeliveryInTheInboxOnceEvenWhenHandedOverTwice() {
        MessageId message = MessageId.random();
        ChannelDelivery delivery = new ChannelDelivery(UUID.randomUUID(), person.id(), person.id().toString(),
                "Lead assigned", "Acme wants a demo", null, message);

        senders.get(Channel.IN_APP).send(delivery);
        senders.get(Channel.IN_APP).send(delivery);

        var page = inbox.of(person.id(), org.smartketing.shared.PageOf.Request.of(0, 10));
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.items().get(0).messageId()).isEqualTo(message);
        assertThat(inbox.unread(person.id())).isEqualTo(1);
    }

    private ChannelDelivery delivery(String address, String ackUrl) {
        return new ChannelDelivery(UUID.randomUUID(), new PersonId(person.id().value()), address, "Lead assigned",
                "Acme wants a demo & a price", ackUrl);
    }
}
