package org.smartketing.funnel.intake;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

import org.smartketing.shared.RateLimits;
import org.springframework.stereotype.Component;

/** How many website-form posts one address may make per minute, counted across every node. */
@Component
class AddressRateLimit {

    private final RateLimits buckets;
    private final BucketConfiguration perMinute;

    AddressRateLimit(FunnelSettings settings, RateLimits buckets) {
        this.buckets = buckets;
        int allowed = settings.webFormsPerMinute();
        this.perMinute = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(allowed).refillGreedy(allowed, Duration.ofMinutes(1)).build())
                .build();
    }

    boolean tryTake(String address) {
        return buckets.bucket("web-form:address:" + address, perMinute).tryConsume(1);
    }
}
