-- Token buckets of the rate limits (sign-in, password reset, website forms, API), shared by every
-- node on PostgreSQL through bucket4j (state is bucket4j's own serialised form; expires_at in epoch
-- milliseconds, after which the bucket would be full again and the row may go). On the embedded H2
-- database there is one node and the buckets stay in memory; the table is there but unused.
CREATE TABLE shared_rate_bucket (
    id VARCHAR(300) PRIMARY KEY,
    state BYTEA,
    expires_at BIGINT
);

CREATE INDEX shared_rate_bucket_expires ON shared_rate_bucket (expires_at);
