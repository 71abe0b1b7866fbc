package org.smartketing.team.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

import org.smartketing.shared.RateLimits;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins, counted so that nobody can lock someone else's account (OWASP authentication
 * guidance): per account <em>and</em> address pair, where each failure after the first few doubles
 * the wait before the next try from there; per address, however many accounts it tries; and per
 * account from everywhere, with a limit far higher than the pair's, whose crossing is told to the
 * account's owner ({@link AccountLockoutNotice}). Reset requests are limited per account and per
 * address too. The buckets (address, account, resets) are shared by every node ({@link RateLimits});
 * a pair's growing delay is kept by the node that saw the failures (an attacker spreading tries
 * over nodes still meets the address and account limits).
 */
@Component
class SignInThrottle {

    /** How a pair stands: failures so far and when the next try is allowed. */
    private record Pair(int failures, Instant nextTry) {
    }

    private final RateLimits buckets;
    private final Cache<String, Pair> pairs;
    private final TeamSettings.SignIn settings;
    private final AccountLockoutNotice notice;
    private final Clock clock;

    SignInThrottle(TeamSettings settings, AccountLockoutNotice notice, Clock clock, RateLimits buckets) {
        this.buckets = buckets;
        this.settings = settings.signIn();
        this.notice = notice;
        this.clock = clock;
        Duration kept = max(this.settings.lockout(), this.settings.longestDelay(), this.settings.resetWindow())
                .multipliedBy(2);
        this.pairs = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(kept).build();
    }

    /** How long this pair, address or account must still wait; zero when it may try now. */
    Duration waitFor(String account, String address) {
        Pair pair = pairs.getIfPresent(pair(account, address));
        Duration pairWait = pair == null || pair.nextTry() == null ? Duration.ZERO
                : max(Duration.ZERO, Duration.between(clock.instant(), pair.nextTry()));
        if (exhausted("account:" + account, settings.failuresPerAccount(), settings.lockout())
                || exhausted("address:" + address, settings.failuresPerAddress(), settings.lockout())) {
            return max(pairWait, settings.lockout());
        }
        return pairWait;
    }

    boolean isBlocked(String account, String address) {
        return !waitFor(account, address).isZero();
    }

    void failed(String account, String address) {
        Pair pair = pairs.asMap().merge(pair(account, address), new Pair(1, null),
                (was, one) -> new Pair(was.failures() + 1, null));
        if (pair.failures() >= settings.failuresPerPair()) {
            long doublings = Math.min(30, pair.failures() - settings.failuresPerPair());
            Duration wait = min(settings.longestDelay(), settings.firstDelay().multipliedBy(1L << doublings));
            pairs.put(pair(account, address), new Pair(pair.failures(), clock.instant().plus(wait)));
        }
        bucket("address:" + address, settings.failuresPerAddress(), settings.lockout()).tryConsume(1);
        Bucket accountBucket = bucket("account:" + account, settings.failuresPerAccount(), settings.lockout());
        if (accountBucket.tryConsume(1) && accountBucket.getAvailableTokens() == 0) {
            notice.tell(account, settings.lockout());
        }
    }

    /** Signed in: that pair, and the account's count from everywhere, start afresh. */
    void succeeded(String account, String address) {
        pairs.invalidate(pair(account, address));
        buckets.forget(key("account:" + account));
    }

    /** A password is set: every pair of the account starts afresh, and so does the account. */
    void succeeded(String account) {
        buckets.forget(key("account:" + account));
        pairs.asMap().keySet().removeIf(key -> key.startsWith("pair:" + account + " "));
    }

    /**
     * Whether a reset link may be emailed: a few per account and some more per address within the
     * window. Each request counts.
     */
    ResetAllowance resetRequested(String account, String address) {
        if (!bucket("reset-address:" + address, settings.resetsPerAddress(), settings.resetWindow()).tryConsume(1)) {
            return ResetAllowance.ADDRESS_LIMITED;
        }
        if (!bucket("reset-account:" + account, settings.resetsPerAccount(), settings.resetWindow()).tryConsume(1)) {
            return ResetAllowance.ACCOUNT_LIMITED;
        }
        return ResetAllowance.ALLOWED;
    }

    enum ResetAllowance {
        ALLOWED, ACCOUNT_LIMITED, ADDRESS_LIMITED
    }

    private static String pair(String account, String address) {
        return "pair:" + account + " " + address;
    }

    private boolean exhausted(String key, int allowance, Duration window) {
        return bucket(key, allowance, window).getAvailableTokens() <= 0;
    }

    private Bucket bucket(String key, int allowance, Duration window) {
        return buckets.bucket(key(key), BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(allowance).refillIntervally(allowance, window).build()).build());
    }

    private static String key(String key) {
        return "sign-in:" + key;
    }

    private static Duration max(Duration first, Duration... others) {
        Duration max = first;
        for (Duration d : others) {
            max = d.compareTo(max) > 0 ? d : max;
        }
        return max;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}
