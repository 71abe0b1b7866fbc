package org.smartketing.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smartketing.webhooks.endpoints.Signatures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliveries are signed as the Standard Webhooks specification says, so a receiver can check them
 * with any of its libraries: its published test vector, and a change of a single byte refused.
 */
class SignaturesTests {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TIMESTAMP = 1614265330;
    static final String BODY = "{\"test\": 2432232314}";

    @Test
    void signsTheSpecificationsTestVector() {
        assertThat(Signatures.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(Signatures.verifies(SECRET, ID, TIMESTAMP, BODY, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="))
                .isTrue();
    }

    @Test
    void aBodyIdOrTimestampChangedByOneByteDoesNotVerify() {
        String header = Signatures.sign(SECRET, ID, TIMESTAMP, BODY);
        byte[] tampered = BODY.getBytes(StandardCharsets.UTF_8);
        tampered[9] ^= 1; // "2432232314" → "3432232314"
        String tamperedBody = new String(tampered, StandardCharsets.UTF_8);

        assertThat(tamperedBody).isNotEqualTo(BODY).hasSameSizeAs(BODY);
        assertThat(Signatures.verifies(SECRET, ID, TIMESTAMP, tamperedBody, header)).isFalse();
        assertThat(Signatures.verifies(SECRET, ID + "x", TIMESTAMP, BODY, header)).isFalse();
        assertThat(Signatures.verifies(SECRET, ID, TIMESTAMP + 1, BODY, header)).isFalse();
        assertThat(Signatures.verifies(Signatures.newSecret(), ID, TIMESTAMP, BODY, header)).isFalse();
    }

    @Test
    void duringARotationBothSecretsSignInOneHeader() {
        String next = Signatures.newSecret();
        String header = Signatures.header(List.of(next, SECRET), ID, TIMESTAMP, BODY);

        assertThat(header.split(" ")).hasSize(2).allSatisfy(s -> assertThat(s).startsWith("v1,"));
        assertThat(Signatures.verifies(next, ID, TIMESTAMP, BODY, header)).isTrue();
        assertThat(Signatures.verifies(SECRET, ID, TIMESTAMP, BODY, header)).isTrue();
    }

    @Test
    void aNewSecretIsWhsecAnd32RandomBytes() {
        String secret = Signatures.newSecret();

        assertThat(secret).startsWith("whsec_").isNotEqualTo(Signatures.newSecret());
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
    }
}
