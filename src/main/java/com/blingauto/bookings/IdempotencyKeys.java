package com.blingauto.bookings;

import com.blingauto.shared.BusinessRuleViolationException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * BOK-21, insert first: the key row is written at the start of the creating transaction, so a concurrent
 * request with the same key blocks on the primary key until the first one commits (then replays its response)
 * or rolls back (then runs normally). A failed request leaves nothing behind.
 */
@Component
class IdempotencyKeys {

    static final Duration RETENTION = Duration.ofHours(24);

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredResponse(int status, String body) {
    }

    /**
     * Claims the key for this request (empty: go on and create), or answers with the response stored by an
     * earlier request with the same body; a different body → 422 RG-BOK-021. Keys older than 24 h are reused.
     */
    Optional<StoredResponse> claim(UUID userId, String key, String requestHash, Instant now) {
        // the user's expired keys go first (primary-key prefix), so that the table holds about one day of keys
        jdbc.sql("DELETE FROM booking_idempotency_keys WHERE user_id = :user AND created_at <= :cutoff AND idempotency_key <> :key")
                .param("user", userId).param("cutoff", Timestamp.from(now.minus(RETENTION))).param("key", key).update();
        boolean claimed = !jdbc.sql("""
                        INSERT INTO booking_idempotency_keys (user_id, idempotency_key, request_hash, created_at)
                        VALUES (:user, :key, :hash, :now)
                        ON CONFLICT (user_id, idempotency_key) DO UPDATE
                           SET request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at,
                               response_status = NULL, response_body = NULL
                         WHERE booking_idempotency_keys.created_at <= :cutoff
                        RETURNING 1""")
                .param("user", userId).param("key", key).param("hash", requestHash)
                .param("now", Timestamp.from(now)).param("cutoff", Timestamp.from(now.minus(RETENTION)))
                .query(Integer.class).list().isEmpty();
        if (claimed) {
            return Optional.empty();
        }
        var stored = jdbc.sql("""
                        SELECT request_hash, response_status, response_body FROM booking_idempotency_keys
                         WHERE user_id = :user AND idempotency_key = :key""")
                .param("user", userId).param("key", key)
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getObject(2, Integer.class), rs.getString(3)})
                .single();
        if (!requestHash.equals(stored[0])) {
            throw new BusinessRuleViolationException("BOK", 21, "Idempotency-Key has already been used with a different request");
        }
        return Optional.of(new StoredResponse((Integer) stored[1], (String) stored[2]));
    }

    void record(UUID userId, String key, int status, String body) {
        jdbc.sql("""
                        UPDATE booking_idempotency_keys SET response_status = :status, response_body = :body
                         WHERE user_id = :user AND idempotency_key = :key""")
                .param("status", status).param("body", body).param("user", userId).param("key", key)
                .update();
    }
}
