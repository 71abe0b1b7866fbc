package org.smartketing.shared;

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

    /** Empties the key's bucket away: the next use starts full. */
    void forget(String key);
}
