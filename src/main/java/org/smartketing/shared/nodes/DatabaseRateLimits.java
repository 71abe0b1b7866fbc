package org.smartketing.shared.nodes;

import java.time.Duration;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import org.smartketing.shared.RateLimits;

/** Buckets in {@code shared_rate_bucket} (V81), kept until a minute after they would be full again. */
final class DatabaseRateLimits implements RateLimits {

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Cache<String, Bucket> frequent = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(15)).build();

    DatabaseRateLimits(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("shared_rate_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy
                        .basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    @Override
    public Bucket bucket(String key, BucketConfiguration configuration) {
        return buckets.getProxy(key, () -> configuration);
    }

    @Override
    public Bucket frequentBucket(String key, BucketConfiguration configuration, long unsynchronized, Duration interval) {
        // The optimisation's local copy lives in the proxy object, so this node keeps one per key.
        return frequent.get(key, k -> buckets.builder()
                .withOptimization(Optimizations.delaying(new DelayParameters(unsynchronized, interval)))
                .build(k, () -> configuration));
    }

    @Override
    public void forget(String key) {
        frequent.invalidate(key);
        buckets.removeProxy(key);
    }

    /** Deletes buckets that are full again; returns how many went. */
    int removeExpired(int atMost) {
        return buckets.removeExpired(atMost);
    }
}
