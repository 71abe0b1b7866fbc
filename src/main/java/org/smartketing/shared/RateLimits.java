package org.smartketing.shared;

import java.time.Duration;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/**
 * Token buckets for rate limits (sign-in, password reset, website forms, the API), the same for
 * every node: on PostgreSQL each bucket is a row that bucket4j reads and writes under
 * {@code SELECT … FOR UPDATE}; on the embedded database (one node) they are kept in memory.
 * A key names its limit and its subject ({@code "sign-in:account:ana@example.com"}); the
 * configuration is used when the bucket does not exist yet, and must stay the same for a key.
 */
public interface RateLimits {

    Bucket bucket(String key, BucketConfiguration configuration);

    /**
     * A bucket asked on every request (the API's per-token limit): on PostgreSQL each node spends up
     * to {@code unsynchronized} tokens, or for up to {@code interval}, on its own copy before it writes
     * the spending to the shared row (bucket4j's delaying optimisation), so most requests make no
     * round trip; all nodes together may overspend by at most {@code unsynchronized} tokens each.
     * The node keeps the bucket between calls: ask with the same key, configuration and allowance.
     */
    Bucket frequentBucket(String key, BucketConfiguration configuration, long unsynchronized, Duration interval);

    /** Empties the key's bucket away: the next use starts full. */
    void forget(String key);
}
