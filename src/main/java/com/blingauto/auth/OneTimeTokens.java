package com.blingauto.auth;

import com.blingauto.shared.BusinessRuleViolationException;
import com.blingauto.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single-use e-mail verification and password reset tokens. Issuing a token makes the user's earlier unused
 * tokens of that kind unusable (they then answer as already used, AUTH-7, AUTH-8).
 */
@Component
class OneTimeTokens {

    enum Kind {
        VERIFICATION("email_verification_tokens", "Verification token", 7),
        RESET("password_reset_tokens", "Password reset token", 8);

        private final String table;
        private final String noun;
        private final int rule;

        Kind(String table, String noun, int rule) {
            this.table = table;
            this.noun = noun;
            this.rule = rule;
        }
    }

    record Stored(UUID id, UUID userId, Instant expiresAt, Instant usedAt) {

        boolean isExpired(Instant now) {
            return !expiresAt.isAfter(now);
        }
    }

    private final JdbcClient jdbc;

    OneTimeTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new token for the user; its raw value, to be e-mailed and never stored. */
    String issue(Kind kind, UUID userId, Duration lifetime, Instant now) {
        jdbc.sql("UPDATE " + kind.table + " SET used_at = ? WHERE user_id = ? AND used_at IS NULL")
                .params(Timestamp.from(now), userId).update();
        String token = Secrets.newToken();
        jdbc.sql("INSERT INTO " + kind.table + " (id, user_id, token_hash, expires_at, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), userId, Secrets.sha256(token), Timestamp.from(now.plus(lifetime)), Timestamp.from(now))
                .update();
        return token;
    }

    /**
     * The token's row if it can still be used: 404 when unknown, 422 (rule AUTH-7 / AUTH-8) when already used or
     * expired. The row stays locked until the transaction ends, so a token is used once even under concurrency.
     */
    Stored redeemable(Kind kind, String token, Instant now) {
        Stored stored = findForUpdate(kind, token).orElseThrow(() -> new NotFoundException(kind.noun + " not found"));
        if (stored.usedAt() != null) {
            throw new BusinessRuleViolationException("AUTH", kind.rule, kind.noun + " has already been used");
        }
        if (stored.isExpired(now)) {
            throw new BusinessRuleViolationException("AUTH", kind.rule, kind.noun + " has expired");
        }
        return stored;
    }

    private Optional<Stored> findForUpdate(Kind kind, String token) {
        return jdbc.sql("SELECT id, user_id, expires_at, used_at FROM " + kind.table + " WHERE token_hash = ? FOR UPDATE")
                .param(Secrets.sha256(token))
                .query((rs, n) -> new Stored(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant()))
                .optional();
    }

    void markUsed(Kind kind, UUID id, Instant now) {
        jdbc.sql("UPDATE " + kind.table + " SET used_at = ? WHERE id = ?").params(Timestamp.from(now), id).update();
    }
}
