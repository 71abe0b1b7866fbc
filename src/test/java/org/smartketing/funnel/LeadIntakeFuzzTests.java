package org.smartketing.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.RawHttp;
import org.smartketing.team.AppRole;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

/**
 * Any lead body with any Idempotency-Key is stored, refused with problem details naming what was
 * wrong (400, 409, 413, 415, 422), never a server error, and a refusal is always JSON.
 */
@IntegrationTest
class LeadIntakeFuzzTests {

    private static String token;

    @Autowired
    Fixtures fixtures;

    @LocalServerPort
    int port;

    @FuzzTest(maxDuration = "20s")
    void anyLeadAndIdempotencyKeyIsStoredOrRefusedWithProblemDetails(FuzzedDataProvider data) throws Exception {
        RawHttp.allowOwnServer();
        String key = data.consumeString(250).replaceAll("[\\r\\n]", "");
        byte[] body = data.consumeRemainingAsString().getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = key.isEmpty() || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
                ? Map.of("Authorization", "Bearer " + token(), "Content-Type", "application/json")
                : Map.of("Authorization", "Bearer " + token(), "Content-Type", "application/json", "Idempotency-Key", key);

        var answer = RawHttp.post(port, "/api/v1/leads", headers, body);

        assertThat(answer.statusCode()).as(answer.body()).isLessThan(500);
        if (answer.statusCode() >= 400) {
            assertThat(JsonMapper.builder().build().readTree(answer.body()).has("status")).as(answer.body()).isTrue();
        }
    }

    private synchronized String token() {
        if (token == null) {
            token = fixtures.tokenFor(fixtures.aPerson(AppRole.ADMIN), TokenScope.READ_WRITE);
        }
        return token;
    }
}
