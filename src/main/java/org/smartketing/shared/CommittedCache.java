package org.smartketing.shared;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps what a hot path reads from the database on every request (the scoring rules, who an API
 * token is), for a short while. A change made on this node takes effect at once: the code that
 * writes calls {@link #invalidate()}, which empties the cache now and again when the writing
 * transaction ends, and a value read while a change was under way is never kept (the changing
 * transaction itself reads past the cache). Changes made on another node are seen once that node's
 * transaction commits when the cache is {@link #sharedThrough shared through} {@link NodeSignals},
 * and after {@code timeToLive} at the latest in any case.
 */
public final class CommittedCache<K, V> {

    private record Entry<V>(V value, long expiresAt) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long timeToLiveNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private volatile Runnable announce = () -> { };

    public CommittedCache(Duration timeToLive, int maxEntries) {
        this(timeToLive, maxEntries, System::nanoTime);
    }

    /** With a ticker of its own (nanoseconds, as {@link System#nanoTime()}), so tests can let the time to live pass. */
    CommittedCache(Duration timeToLive, int maxEntries, LongSupplier nanoTime) {
        this.timeToLiveNanos = timeToLive.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    /** The kept value, or the loaded one (kept when no change happened meanwhile); an empty load is not kept. */
    public Optional<V> get(K key, Function<K, Optional<V>> load) {
        if (changedInThisTransaction()) {
            return load.apply(key); // this transaction changed what we keep: read its own view, keep nothing
        }
        long now = nanoTime.getAsLong();
        Entry<V> kept = entries.get(key);
        if (kept != null && now - kept.expiresAt() < 0) {
            return Optional.of(kept.value());
        }
        long seen = generation.get();
        Optional<V> loaded = load.apply(key);
        if (loaded.isPresent()) {
            keep(key, new Entry<>(loaded.get(), now + timeToLiveNanos), seen);
        }
        return loaded;
    }

    /** Replaces a kept value (say, with a newer time of use) unless a change came in meanwhile. */
    public void refresh(K key, V value) {
        long seen = generation.get();
        if (entries.containsKey(key)) {
            keep(key, new Entry<>(value, nanoTime.getAsLong() + timeToLiveNanos), seen);
        }
    }

    /**
     * Makes every node's cache of this name forget what it keeps when this one is invalidated: the
     * other nodes once the invalidating transaction commits.
     */
    public CommittedCache<K, V> sharedThrough(NodeSignals signals, String name) {
        signals.listen("cache:" + name, changed -> clear());
        this.announce = () -> signals.announce("cache:" + name, "");
        return this;
    }

    /** Forgets everything now and, inside a transaction, again when it commits or rolls back; tells the other nodes. */
    public void invalidate() {
        clear();
        announce.run();
        if (TransactionSynchronizationManager.isSynchronizationActive() && !changedInThisTransaction()) {
            TransactionSynchronizationManager.registerSynchronization(new Forget());
        }
    }

    /** Registered with the changing transaction (and suspended with it, so nested ones keep their own). */
    private final class Forget implements TransactionSynchronization {

        CommittedCache<K, V> cache() {
            return CommittedCache.this;
        }

        @Override
        public void afterCompletion(int status) {
            clear();
        }
    }

    private boolean changedInThisTransaction() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.getSynchronizations().stream()
                        .anyMatch(s -> s instanceof CommittedCache<?, ?>.Forget f && f.cache() == this);
    }

    private void keep(K key, Entry<V> entry, long seen) {
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, entry);
        // A change that came in while we were loading may have cleared before our put: undo it.
        if (generation.get() != seen) {
            entries.remove(key, entry);
        }
    }

    private void clear() {
        generation.incrementAndGet();
        entries.clear();
    }
}
