package com.blingauto.catalog;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.blingauto.shared.Invalidations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The serialized catalogue reads, kept in this JVM so that a hit costs a map lookup. Every catalogue write
 * empties it after its commit and announces that to the other replicas ({@link Invalidations}), so that each
 * empties its own copy; a read that overlapped a write never stores what it read. When Redis is down,
 * replicas still converge within the entry lifetime ({@code CATALOG_CACHE_TTL_SECONDS}).
 */
@Component
class CatalogCache {

    private static final Logger log = LoggerFactory.getLogger(CatalogCache.class);
    private static final int MAX_ENTRIES = 2_000;
    static final String TOPIC = "catalog";

    private record Entry(byte[] body, long storedAtNanos) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final JsonMapper json;
    private final Invalidations invalidations;
    private final long ttlNanos;

    CatalogCache(JsonMapper json, Invalidations invalidations,
                 @Value("${blingauto.catalog.cache-ttl-seconds:60}") long ttlSeconds) {
        this.json = json;
        this.invalidations = invalidations;
        this.ttlNanos = Duration.ofSeconds(ttlSeconds).toNanos();
        invalidations.subscribe(TOPIC, key -> evictLocal());
    }

    /** The JSON of {@code key}, from the cache or freshly loaded and serialized. */
    byte[] get(String key, Supplier<?> loader) {
        Entry hit = entries.get(key);
        long now = System.nanoTime();
        if (hit != null && now - hit.storedAtNanos() < ttlNanos) {
            return hit.body();
        }
        long seen = generation.get();
        byte[] body = json.writeValueAsBytes(loader.get());
        if (ttlNanos > 0 && generation.get() == seen) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            Entry stored = new Entry(body, now);
            entries.put(key, stored);
            if (generation.get() != seen) {
                entries.remove(key, stored);
            }
        }
        return body;
    }

    /** Empties the cache once the current transaction commits (at once outside a transaction), here and on every replica. */
    void evictAfterCommit() {
        invalidations.evictAfterCommit(TOPIC, null, this::evictLocal);
    }

    /** Empties this JVM's copy (also when another replica announced a write). */
    void evictLocal() {
        generation.incrementAndGet();
        entries.clear();
        log.debug("catalogue cache emptied");
    }
}
