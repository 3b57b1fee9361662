package com.blingauto.auth;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The refresh-token store: families, rotation and revocation, each change one SQL statement (AUTH-5, AUTH-6). */
@Component
class RefreshTokens {

    private final JdbcClient jdbc;

    RefreshTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(UUID id, UUID userId, UUID familyId, Instant expiresAt, Instant revokedAt, UUID replacedBy) {
    }

    UUID insert(UUID userId, UUID familyId, String tokenHash, Instant expiresAt, Instant now) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, userId, familyId, tokenHash, Timestamp.from(expiresAt), Timestamp.from(now)).update();
        return id;
    }

    Optional<Stored> findByHash(String tokenHash) {
        return jdbc.sql("SELECT id, user_id, family_id, expires_at, revoked_at, replaced_by FROM refresh_tokens WHERE token_hash = ?")
                .param(tokenHash)
                .query((rs, n) -> new Stored(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getObject("family_id", UUID.class), rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant(),
                        rs.getObject("replaced_by", UUID.class)))
                .optional();
    }

    /** Marks the token rotated; false when another request rotated or revoked it first. */
    boolean rotate(UUID id, UUID replacement, Instant now) {
        return jdbc.sql("UPDATE refresh_tokens SET revoked_at = ?, replaced_by = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(now), replacement, id).update() == 1;
    }

    void revokeFamily(UUID familyId, Instant now) {
        jdbc.sql("UPDATE refresh_tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(now), familyId).update();
    }

    void revokeAllOf(UUID userId, Instant now) {
        jdbc.sql("UPDATE refresh_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(now), userId).update();
    }
}
