/**
 * What several nodes on one PostgreSQL share besides the data: rate-limit buckets and signals
 * ({@code LISTEN/NOTIFY}); in memory on the embedded database.
 */
@org.smartketing.shared.OwnsTables({ "shared_rate_bucket" })
package org.smartketing.shared.nodes;
