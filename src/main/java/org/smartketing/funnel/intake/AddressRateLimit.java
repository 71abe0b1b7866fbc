package org.smartketing.funnel.intake;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/** How many website-form posts one address may make per minute (in memory, per node). */
@Component
class AddressRateLimit {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(5)).build();
    private final int perMinute;

    AddressRateLimit(FunnelSettings settings) {
        this.perMinute = settings.webFormsPerMinute();
    }

    boolean tryTake(String address) {
        return buckets.get(address, a -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build()).tryConsume(1);
    }
}
