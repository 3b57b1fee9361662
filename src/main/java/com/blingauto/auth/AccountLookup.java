package com.blingauto.auth;

import com.blingauto.shared.AccountDirectory;
import com.blingauto.shared.Invalidations;
import com.blingauto.shared.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the per-request questions of authentication in one indexed query, and keeps the answer in this JVM
 * for a few seconds ({@code ACCOUNT_CACHE_TTL_SECONDS}) so that a hot client costs no database round trip.
 * Every change through the API that alters an answer (logout, role change) evicts the user after its commit,
 * here and — through {@link Invalidations} — on every other replica, so it applies to the next request; a
 * lookup that overlapped such a change never stores what it read. Changes made behind the API's back (SQL by
 * an operator), or announcements lost while Redis is down, apply within the entry lifetime.
 */
@Component
class AccountLookup implements AccountDirectory {

    static final String TOPIC = "accounts";
    private static final int MAX_USERS = 50_000;

    private record Cached(Lookup lookup, long storedAtNanos) {
    }

    private final Map<UUID, Map<String, Cached>> cache = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Invalidations invalidations;
    private final long ttlNanos;

    AccountLookup(JdbcClient jdbc, Clock clock, Invalidations invalidations,
                  @Value("${blingauto.auth.account-cache-ttl-seconds:5}") long ttlSeconds) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.invalidations = invalidations;
        this.ttlNanos = Duration.ofSeconds(ttlSeconds).toNanos();
        invalidations.subscribe(TOPIC, key -> evictLocal(key == null ? null : UUID.fromString(key)));
    }

    @Override
    public Lookup lookup(UUID userId, String tokenId) {
        String jti = tokenId == null ? "" : tokenId;
        long now = System.nanoTime();
        Map<String, Cached> tokens = cache.get(userId);
        Cached hit = tokens == null ? null : tokens.get(jti);
        if (hit != null && now - hit.storedAtNanos() < ttlNanos) {
            return hit.lookup();
        }
        long seen = generation.get();
        Lookup fresh = query(userId, jti);
        if (ttlNanos > 0 && generation.get() == seen) {
            if (cache.size() >= MAX_USERS) {
                cache.clear();
            }
            Map<String, Cached> stored = cache.computeIfAbsent(userId, id -> new ConcurrentHashMap<>());
            Cached entry = new Cached(fresh, now);
            stored.put(jti, entry);
            if (generation.get() != seen) {
                stored.remove(jti, entry);
            }
        }
        return fresh;
    }

    private Lookup query(UUID userId, String jti) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM revoked_access_tokens r WHERE r.jti = :jti AND r.expires_at > :now) AS revoked,
                               u.email, u.role, u.status
                          FROM (SELECT 1) one LEFT JOIN users u ON u.id = :id""")
                .param("jti", jti)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", userId)
                .query((rs, n) -> new Lookup(rs.getBoolean("revoked"), rs.getString("email") == null ? null
                        : new Account(userId, rs.getString("email"), Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)),
                        "active".equals(rs.getString("status")))))
                .single();
    }

    /** Forgets what is known of {@code userId} once the current transaction commits, here and on every replica. */
    void evictAfterCommit(UUID userId) {
        invalidations.evictAfterCommit(TOPIC, userId.toString(), () -> evictLocal(userId));
    }

    /** Forgets {@code userId} in this JVM only ({@code null}: everyone), e.g. after an operator changed users by SQL. */
    void evictLocal(UUID userId) {
        generation.incrementAndGet();
        if (userId == null) {
            cache.clear();
        } else {
            cache.remove(userId);
        }
    }
}
