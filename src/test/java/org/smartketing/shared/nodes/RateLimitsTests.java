package org.smartketing.shared.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.smartketing.shared.RateLimits;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A limit is one count for every node on PostgreSQL, and the same limit in memory on the embedded database. */
class RateLimitsTests {

    static final BucketConfiguration THREE_PER_HOUR = BucketConfiguration.builder()
            .addLimit(Bandwidth.builder().capacity(3).refillIntervally(3, Duration.ofHours(1)).build()).build();

    @Test
    void twoNodesOnPostgresSpendOneAllowance() {
        var dataSource = postgres();
        RateLimits first = new DatabaseRateLimits(dataSource);
        RateLimits second = new DatabaseRateLimits(dataSource);

        assertSharedAllowance(first, second);
    }

    @Test
    void twoNodesOnPostgresShareAFrequentBucketWithinTheirUnsynchronisedAllowance() {
        var dataSource = postgres();
        RateLimits first = new DatabaseRateLimits(dataSource);
        RateLimits second = new DatabaseRateLimits(dataSource);
        String key = "test:" + UUID.randomUUID();
        BucketConfiguration hundred = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(100).refillIntervally(100, Duration.ofHours(1)).build()).build();
        int unsynchronised = 3;
        Duration interval = Duration.ofMillis(50);

        int takenByFirst = 0;
        while (takenByFirst < 60 && first.frequentBucket(key, hundred, unsynchronised, interval).tryConsume(1)) {
            takenByFirst++;
        }
        int takenBySecond = 0;
        while (takenBySecond < 200 && second.frequentBucket(key, hundred, unsynchronised, interval).tryConsume(1)) {
            takenBySecond++;
        }

        assertThat(takenByFirst).isEqualTo(60);
        assertThat(takenBySecond).as("what the first node spent is gone for the second")
                .isBetween(40 - unsynchronised, 40 + unsynchronised);
        assertThat(takenByFirst + takenBySecond).as("overspent by at most each node's unsynchronised allowance")
                .isLessThanOrEqualTo(100 + 2 * unsynchronised);
    }

    @Test
    void aFrequentBucketGoesToPostgresOncePerUnsynchronisedAllowanceNotOncePerCall() throws Exception {
        var dataSource = postgres();
        java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
        var counting = new org.springframework.jdbc.datasource.DelegatingDataSource(dataSource) {
            @Override
            public java.sql.Connection getConnection() throws java.sql.SQLException {
                connections.incrementAndGet();
                return super.getConnection();
            }
        };
        BucketConfiguration perMinute = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(60_000).refillGreedy(60_000, Duration.ofMinutes(1)).build()).build();
        RateLimits limits = new DatabaseRateLimits(counting);

        String plainKey = "test:" + UUID.randomUUID();
        for (int i = 0; i < 100; i++) {
            limits.bucket(plainKey, perMinute).tryConsume(1);
        }
        int plainTrips = connections.getAndSet(0);

        String frequentKey = "test:" + UUID.randomUUID();
        int calls = 2_000;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            limits.frequentBucket(frequentKey, perMinute, 1_000, Duration.ofSeconds(1)).tryConsume(1);
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        int frequentTrips = connections.get();

        assertThat(plainTrips).as("a plain bucket: a round trip every call").isGreaterThanOrEqualTo(100);
        assertThat(frequentTrips).as("a round trip per thousand calls or per second, whichever comes first")
                .isLessThanOrEqualTo(2 + (int) seconds + calls / 1_000);
    }

    @Test
    void oneNodeInMemoryKeepsTheSameLimit() {
        RateLimits memory = new MemoryRateLimits();

        assertSharedAllowance(memory, memory);
    }

    private static DriverManagerDataSource postgres() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        Assumptions.assumeTrue(url != null && url.startsWith("jdbc:postgresql:"), "a shared limit needs PostgreSQL");
        var dataSource = new DriverManagerDataSource(url, System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME",
                "postgres"), System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", ""));
        org.flywaydb.core.Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
        return dataSource;
    }

    private static void assertSharedAllowance(RateLimits first, RateLimits second) {
        String key = "test:" + UUID.randomUUID();
        assertThat(first.bucket(key, THREE_PER_HOUR).tryConsume(2)).isTrue();
        assertThat(second.bucket(key, THREE_PER_HOUR).tryConsume(1)).isTrue();
        assertThat(first.bucket(key, THREE_PER_HOUR).tryConsume(1)).as("the allowance is spent on either node").isFalse();
        assertThat(second.bucket(key, THREE_PER_HOUR).getAvailableTokens()).isZero();

        second.forget(key);
        assertThat(first.bucket(key, THREE_PER_HOUR).getAvailableTokens()).as("forgotten: full again").isEqualTo(3);
    }
}
