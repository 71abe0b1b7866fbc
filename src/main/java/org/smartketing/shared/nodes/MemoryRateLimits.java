package org.smartketing.shared.nodes;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.local.LocalBucketBuilder;

import org.smartketing.shared.RateLimits;

/** One node's buckets in memory (the embedded database), forgotten an hour after their last use. */
final class MemoryRateLimits implements RateLimits {

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofHours(1)).build();

    @Override
    public Bucket bucket(String key, BucketConfiguration configuration) {
        return buckets.get(key, k -> {
            LocalBucketBuilder builder = Bucket.builder();
            for (Bandwidth limit : configuration.getBandwidths()) {
                builder.addLimit(limit);
            }
            return builder.build();
        });
    }

    /** One node: nothing to synchronise, the bucket in memory is already exact. */
    @Override
    public Bucket frequentBucket(String key, BucketConfiguration configuration, long unsynchronized, Duration interval) {
        return bucket(key, configuration);
    }

    @Override
    public void forget(String key) {
        buckets.invalidate(key);
    }
}
