package org.smartketing.comms.reach;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smartketing.comms.Channel;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.LocalReceiver;
import org.smartketing.support.TestClock;
import org.smartketing.team.AppRole;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A phone or chat webhook is usable only after the code sent through it (to a real local receiver) comes back. */
@IntegrationTest
class ContactVerificationTests {

    private static final Pattern CODE = Pattern.compile("code is (\\d{6})");

    @Autowired
    ContactVerification verification;

    @Autowired
    ReachBook book;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    LocalReceiver receiver = LocalReceiver.get();
    Person person;

    @BeforeEach
    void aPerson() {
        person = fixtures.aPerson(AppRole.MEMBER);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String aMobileNumber() {
        return "+49151" + (10_000_000 + (int) (Math.random() * 89_999_999));
    }

    @Test
    void verifiesAPhoneWithTheCodeTextedThroughTheProvider() {
        String number = aMobileNumber();
        verification.addPhone(person.id(), number.substring(0, 3) + " " + number.substring(3, 6) + " " + number.substring(6));

        assertThat(reach().canUse(Channel.SMS)).as("not before the code comes back").isFalse();
        List<LocalReceiver.Received> texts = receiver.textsTo(number);
        assertThat(texts).hasSize(1);
        assertThat(texts.get(0).form()).containsEntry("From", "+15005550006");
        verification.verify(person.id(), ContactMethods.Kind.PHONE, codeIn(texts.get(0).form().get("Body")));

        Reach reach = reach();
        assertThat(reach.address(Channel.SMS)).contains(number);
        assertThat(reach.address(Channel.VOICE)).contains(number);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_id = ? AND action = 'contact-method-verified'")
                .param(person.id().toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void verifiesAChatWebhookWithTheCodePostedAsJson() {
        String hook = receiver.url("/chat/T01/" + UUID.randomUUID());
        verification.addChat(person.id(), hook);

        LocalReceiver.Received post = receiver.receivedAt(hook.substring(hook.indexOf("/chat/"))).get(0);
        assertThat(post.contentType()).isEqualTo("application/json");
        String text = json.readTree(post.body()).get("text").asString();
        verification.verify(person.id(), ContactMethods.Kind.CHAT, codeIn(text));

        assertThat(reach().address(Channel.CHAT)).contains(hook);
    }

    @Test
    void refusesAWrongCodeCountingTriesAndThenEvenTheRightOne() {
        String number = aMobileNumber();
        verification.addPhone(person.id(), number);
        String code = codeIn(receiver.textsTo(number).get(0).form().get("Body"));
        String wrong = code.equals("000000") ? "111111" : "000000";

        assertThatThrownBy(() -> verification.verify(person.id(), ContactMethods.Kind.PHONE, wrong))
                .isInstanceOf(InvalidFieldException.class).hasMessage("is not the code we sent (4 tries left)");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> verification.verify(person.id(), ContactMethods.Kind.PHONE, wrong))
                    .isInstanceOf(InvalidFieldException.class);
        }
        assertThatThrownBy(() -> verification.verify(person.id(), ContactMethods.Kind.PHONE, code))
                .isInstanceOf(InvalidFieldException.class).hasMessage("was tried too often; send a new code");
        assertThat(reach().canUse(Channel.SMS)).isFalse();

        verification.resend(person.id(), ContactMethods.Kind.PHONE);
        String fresh = codeIn(receiver.textsTo(number).get(1).form().get("Body"));
        verification.verify(person.id(), ContactMethods.Kind.PHONE, fresh);
        assertThat(reach().canUse(Channel.SMS)).isTrue();
    }

    @Test
    void refusesACodeAfterTenMinutes() {
        String number = aMobileNumber();
        verification.addPhone(person.id(), number);
        String code = codeIn(receiver.textsTo(number).get(0).form().get("Body"));

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertThatThrownBy(() -> verification.verify(person.id(), ContactMethods.Kind.PHONE, code))
                .isInstanceOf(InvalidFieldException.class).hasMessage("has expired; send a new code");
    }

    @ParameterizedTest(name = "\"{0}\": {1}")
    @CsvSource(delimiter = '|', value = {
            "''                | is required",
            "0151 23456789     | must be in international format, e.g. +49 151 23456789",
            "+49 12            | is not a valid phone number",
            "+1 555 01         | is not a valid phone number",
            "+abc              | is not a valid phone number" })
    void refusesAnInvalidPhoneNamingTheField(String number, String message) {
        assertThatThrownBy(() -> verification.addPhone(person.id(), number)).isInstanceOf(InvalidFieldException.class)
                .hasMessage(message).extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("phone");
        assertThat(verification.of(person.id())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "http://10.0.0.7/hook", "http://192.168.0.10/hook", "http://169.254.169.254/latest/meta-data",
            "http://localhost:9000/hook", "http://[::1]/hook", "http://[fd00::5]/hook", "http://0.0.0.0/hook",
            "ftp://hooks.example.com/x", "not a url" })
    void refusesAWebhookToAPrivateAddressOrOutsideHttp(String url) {
        int received = receiver.receivedAt("/").size();
        assertThatThrownBy(() -> verification.addChat(person.id(), url)).isInstanceOf(InvalidFieldException.class)
                .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("webhookUrl");
        assertThat(verification.of(person.id())).isEmpty();
        assertThat(receiver.receivedAt("/")).hasSize(received);
    }

    @Test
    void keepsNothingWhenTheCodeCannotBeDelivered() {
        String hook = receiver.url("/chat/fail/" + UUID.randomUUID());
        assertThatThrownBy(() -> verification.addChat(person.id(), hook)).isInstanceOf(InvalidFieldException.class)
                .hasMessage("could not be sent a code: the chat webhook did not take it");
        assertThat(verification.of(person.id())).isEmpty();
    }

    private Reach reach() {
        return book.reachOf(person.id(), Instant.now()).orElseThrow();
    }

    private static String codeIn(String text) {
        Matcher matcher = CODE.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(1);
    }
}
