package org.smartketing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.RawHttp;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Found by the fuzz tests: parameters the server cannot decode answered 500. */
@IntegrationTest
class UnreadableParametersTests {

    @LocalServerPort
    int port;

    @Test
    void aQueryStringThatCannotBeDecodedIsABadRequestWithProblemDetails() throws Exception {
        var answer = RawHttp.get(port, "/api/v1/messages?box=nope&=9", Map.of("Accept", "application/json"));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("\"status\":400");
    }

    @Test
    void aFormBodyThatIsNotItsDeclaredCharsetIsABadRequestPage() throws Exception {
        var answer = RawHttp.post(port, "/w2l", Map.of("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8",
                "Accept", "text/html"), "oid=x&first_name=J%FCrgen".getBytes(StandardCharsets.US_ASCII));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("<html");
    }
}
