package org.smartketing.team.signin;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per address in token buckets: after the allowance is
 * spent, that account (or address) is refused until the buckets refill. Kept in memory, per node.
 */
@Component
class SignInThrottle {

    private final Cache<String, Bucket> buckets;
    private final TeamSettings.SignIn settings;

    SignInThrottle(TeamSettings settings) {
        this.settings = settings.signIn();
        this.buckets = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterAccess(this.settings.lockout().multipliedBy(2)).build();
    }

    boolean isBlocked(String account, String address) {
        return exhausted("account:" + account) || exhausted("address:" + address);
    }

    void failed(String account, String address) {
        bucket("account:" + account, settings.failuresPerAccount()).tryConsume(1);
        bucket("address:" + address, settings.failuresPerAddress()).tryConsume(1);
    }

    void succeeded(String account) {
        buckets.invalidate("account:" + account);
    }

    Duration lockout() {
        return settings.lockout();
    }

    private boolean exhausted(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    private Bucket bucket(String key, int allowance) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(allowance).refillIntervally(allowance, settings.lockout()).build())
                .build());
    }
}
