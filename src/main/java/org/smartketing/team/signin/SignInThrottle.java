package org.smartketing.team.signin;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

import org.smartketing.shared.RateLimits;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per account and per address in token buckets: after the allowance is
 * spent, that account (or address) is refused until the buckets refill. Shared by every node
 * ({@link RateLimits}).
 */
@Component
class SignInThrottle {

    private final RateLimits buckets;
    private final TeamSettings.SignIn settings;

    SignInThrottle(TeamSettings settings, RateLimits buckets) {
        this.settings = settings.signIn();
        this.buckets = buckets;
    }

    boolean isBlocked(String account, String address) {
        return exhausted(accountKey(account), settings.failuresPerAccount())
                || exhausted(addressKey(address), settings.failuresPerAddress());
    }

    void failed(String account, String address) {
        buckets.bucket(accountKey(account), allowing(settings.failuresPerAccount())).tryConsume(1);
        buckets.bucket(addressKey(address), allowing(settings.failuresPerAddress())).tryConsume(1);
    }

    void succeeded(String account) {
        buckets.forget(accountKey(account));
    }

    Duration lockout() {
        return settings.lockout();
    }

    private boolean exhausted(String key, int allowance) {
        return buckets.bucket(key, allowing(allowance)).getAvailableTokens() <= 0;
    }

    private BucketConfiguration allowing(int allowance) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(allowance).refillIntervally(allowance, settings.lockout()).build())
                .build();
    }

    private static String accountKey(String account) {
        return "sign-in:account:" + account;
    }

    private static String addressKey(String address) {
        return "sign-in:address:" + address;
    }
}
