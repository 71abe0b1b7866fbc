package org.smartketing.team.tokens;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import org.smartketing.shared.RateLimits;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON API's rate limit: so many requests per token, and per address for requests without a
 * valid token, counted across every node ({@link RateLimits#frequentBucket}: a node spends a
 * sixtieth of an allowance on its own before it writes to the shared count, so most requests make
 * no database round trip). Every answer says what is left ({@code RateLimit-*}); a spent allowance is
 * answered 429 with {@code Retry-After}.
 */
@Component
public class ApiRateLimit {

    private final RateLimits buckets;
    private final JsonMapper json;
    private final Allowance perToken;
    private final Allowance perAddress;
    private final Duration syncEvery;

    private record Allowance(int limit, long window, BucketConfiguration configuration, long unsynchronized) {

        static Allowance of(int limit, Duration window) {
            int allowed = Math.max(1, limit);
            return new Allowance(allowed, window.toSeconds(), BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(allowed).refillGreedy(allowed, window).build()).build(),
                    Math.max(1, allowed / 60));
        }
    }

    ApiRateLimit(ApiSettings settings, RateLimits buckets, JsonMapper json) {
        this.buckets = buckets;
        this.json = json;
        ApiSettings.RateLimit limit = settings.rateLimit();
        this.perToken = Allowance.of(limit.perToken(), limit.window());
        this.perAddress = Allowance.of(limit.perAddress(), limit.window());
        this.syncEvery = limit.syncEvery();
    }

    /** Takes one request from the token's allowance; false when spent (the 429 is written). */
    boolean tryTakeForToken(UUID token, HttpServletResponse response) throws IOException {
        return tryTake("api:token:" + token, perToken, response);
    }

    /** Takes one request from the allowance of an address without a valid token; false when spent. */
    boolean tryTakeForAddress(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return tryTake("api:address:" + request.getRemoteAddr(), perAddress, response);
    }

    private boolean tryTake(String key, Allowance allowance, HttpServletResponse response) throws IOException {
        ConsumptionProbe probe = buckets.frequentBucket(key, allowance.configuration(), allowance.unsynchronized(),
                syncEvery).tryConsumeAndReturnRemaining(1);
        String remaining = String.valueOf(probe.getRemainingTokens());
        response.setHeader("RateLimit-Policy", allowance.limit() + ";w=" + allowance.window());
        response.setHeader("RateLimit-Limit", String.valueOf(allowance.limit()));
        response.setHeader("RateLimit-Remaining", remaining);
        response.setHeader("X-RateLimit-Remaining", remaining);
        if (probe.isConsumed()) {
            return true;
        }
        Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        response.setHeader("RateLimit-Reset", String.valueOf(seconds));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "Too many API requests: " + allowance.limit() + " are allowed per " + allowance.window()
                        + " s; try again in " + seconds + " s.");
        problem.setTitle(HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
        return false;
    }
}
