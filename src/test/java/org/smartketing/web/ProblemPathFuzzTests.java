package org.smartketing.web;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Any path and query under {@code /api/v1} (ids that are not ids, dates that are not dates,
 * encodings Tomcat refuses) is answered with problem details, never a server error.
 */
@IntegrationTest
class ProblemPathFuzzTests {

    private static String token;

    @Autowired
    Fixtures fixtures;

    @LocalServerPort
    int port;

    @FuzzTest(maxDuration = "20s")
    void anyApiPathIsAnsweredWithoutAServerError(FuzzedDataProvider data) throws Exception {
        RawHttp.allowOwnServer();
        String path = safe("/api/v1/" + data.consumeRemainingAsAsciiString().replaceAll("[^\\x21-\\x7e]", ""));
        try {
            java.net.URI.create(path);
        }
        catch (IllegalArgumentException notAUri) {
            return; // no client can send it
        }
        var answer = RawHttp.get(port, path, Map.of("Authorization", "Bearer " + token(), "Accept", "application/json"));

        assertThat(answer.statusCode()).as(path + " → " + answer.body()).isLessThan(500);
        if (answer.statusCode() >= 400 && answer.body().startsWith("{")) {
            assertThat(JsonMapper.builder().build().readTree(answer.body()).has("status")).isTrue();
        }
    }

    /** Characters a URI may not hold at all are sent percent-encoded, as a browser would. */
    private static String safe(String path) {
        StringBuilder out = new StringBuilder();
        for (char c : path.toCharArray()) {
            out.append("\"<>\\^`{|} ".indexOf(c) >= 0 ? "%%%02X".formatted((int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private synchronized String token() {
        if (token == null) {
            token = fixtures.tokenFor(fixtures.aPerson(AppRole.ADMIN), TokenScope.READ);
        }
        return token;
    }
}
