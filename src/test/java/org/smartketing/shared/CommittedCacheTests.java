package org.smartketing.shared;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.smartketing.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class CommittedCacheTests {

    @Autowired
    PlatformTransactionManager transactions;

    final CommittedCache<String, String> cache = new CommittedCache<>(Duration.ofMinutes(1), 10);
    final AtomicInteger loads = new AtomicInteger();

    @Test
    void readsOnceAndKeepsWhatItRead() {
        assertThat(cache.get("k", this::stored)).contains("v1");
        assertThat(cache.get("k", this::stored)).contains("v1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void forgetsAtOnceWhenToldOfAChangeOutsideATransaction() {
        cache.get("k", this::stored);
        cache.invalidate();
        assertThat(cache.get("k", this::stored)).contains("v2");
    }

    @Test
    void aChangingTransactionSeesItsOwnChangeAndOthersSeeItOnlyAfterTheCommit() {
        cache.get("k", k -> Optional.of("old"));
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            cache.invalidate();
            assertThat(cache.get("k", k -> Optional.of("new, not yet committed"))).contains("new, not yet committed");
            // Another request meanwhile reads what is committed, and what it reads must not outlive the commit.
            String elsewhere = CompletableFuture.supplyAsync(() -> cache.get("k", k -> Optional.of("old"))).join()
                    .orElseThrow();
            assertThat(elsewhere).isEqualTo("old");
            assertThat(cache.get("k", k -> Optional.of("new, not yet committed"))).as("not served from the cache")
                    .contains("new, not yet committed");
        });
        assertThat(cache.get("k", k -> Optional.of("new"))).contains("new");
        assertThat(cache.get("k", k -> Optional.of("newer"))).as("kept after the commit").contains("new");
    }

    @Test
    void forgetsWhatTheChangingTransactionReadWhenItRollsBack() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            cache.invalidate();
            cache.get("k", k -> Optional.of("rolled back"));
            status.setRollbackOnly();
        });
        assertThat(cache.get("k", k -> Optional.of("old"))).contains("old");
    }

    @Test
    void keepsNothingWhenNothingWasFound() {
        assertThat(cache.get("k", k -> Optional.empty())).isEmpty();
        assertThat(cache.get("k", this::stored)).contains("v1");
    }

    @Test
    void readsAgainAfterItsTimeToLive() {
        AtomicLong now = new AtomicLong();
        CommittedCache<String, String> brief = new CommittedCache<>(Duration.ofMillis(20), 10, now::get);
        brief.get("k", this::stored);
        now.addAndGet(Duration.ofMillis(19).toNanos());
        assertThat(brief.get("k", this::stored)).as("still kept").contains("v1");
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(brief.get("k", this::stored)).contains("v2");
    }

    private Optional<String> stored(String key) {
        return Optional.of("v" + loads.incrementAndGet());
    }
}
