package org.smartketing.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.Test;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** The API's rate limit: so many requests a minute per token, and per address without a valid token. */
@IntegrationTest
@TestPropertySource(properties = { "smartketing.api.rate-limit.per-token=5", "smartketing.api.rate-limit.per-address=3" })
class ApiRateLimitTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Test
    void theSixthRequestOfATokenWithinTheMinuteIsRefusedWithRetryAfterWhileAnotherTokenGoesOn() throws Exception {
        String first = anAddress();
        String second = anAddress();
        String spent = fixtures.tokenFor(fixtures.aPerson(AppRole.MEMBER), TokenScope.READ);
        String other = fixtures.tokenFor(fixtures.aPerson(AppRole.MEMBER), TokenScope.READ);
        for (int i = 1; i <= 5; i++) {
            MockHttpServletResponse allowed = call(spent, first);
            assertThat(allowed.getStatus()).as("request %d of 5", i).isEqualTo(200);
            assertThat(allowed.getHeader("RateLimit-Limit")).isEqualTo("5");
            assertThat(allowed.getHeader("X-RateLimit-Remaining")).isEqualTo(String.valueOf(5 - i));
        }

        MockHttpServletResponse refused = call(spent, first);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("Too many API requests");
        // greedy refill: one request back every 12 s
        assertThat(Integer.parseInt(refused.getHeader(HttpHeaders.RETRY_AFTER))).isBetween(1, 12);
        assertThat(refused.getHeader("RateLimit-Remaining")).isEqualTo("0");
        assertThat(call(spent, second).getStatus()).as("the limit is the token's, wherever it calls from")
                .isEqualTo(429);
        assertThat(call(other, first).getStatus()).as("another token, same address").isEqualTo(200);
    }

    @Test
    void requestsWithoutAValidTokenAreLimitedPerAddress() throws Exception {
        String spentAddress = anAddress();
        String otherAddress = anAddress();
        for (int i = 1; i <= 3; i++) {
            assertThat(call(null, spentAddress).getStatus()).as("no token, request %d of 3", i).isEqualTo(401);
        }
        MockHttpServletResponse unknown = call("smk_not-a-token", spentAddress);
        assertThat(unknown.getStatus()).as("an unknown token counts against the address too").isEqualTo(429);
        assertThat(unknown.getHeader(HttpHeaders.RETRY_AFTER)).isNotNull();

        assertThat(call(null, otherAddress).getStatus()).as("another address").isEqualTo(401);
        String valid = fixtures.tokenFor(fixtures.aPerson(AppRole.MEMBER), TokenScope.READ);
        assertThat(call(valid, spentAddress).getStatus()).as("a valid token from the spent address").isEqualTo(200);
        assertThat(mvc.perform(get("/actuator/health").with(r -> {
            r.setRemoteAddr(spentAddress);
            return r;
        })).andReturn().getResponse().getStatus()).as("health checks are not limited").isEqualTo(200);
    }

    /** An address of this run's own: on PostgreSQL the counts outlive the test. */
    private static String anAddress() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private MockHttpServletResponse call(String token, String address) throws Exception {
        var request = get("/api/v1/people").with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return mvc.perform(request).andReturn().getResponse();
    }
}
