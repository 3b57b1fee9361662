package com.blingauto.auth;

import com.blingauto.shared.AccountDirectory;
import com.blingauto.shared.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers the per-request questions of authentication in one indexed query. */
@Component
class AccountLookup implements AccountDirectory {

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountLookup(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Lookup lookup(UUID userId, String tokenId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM revoked_access_tokens r WHERE r.jti = :jti AND r.expires_at > :now) AS revoked,
                               u.email, u.role, u.status
                          FROM (SELECT 1) one LEFT JOIN users u ON u.id = :id""")
                .param("jti", tokenId == null ? "" : tokenId)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", userId)
                .query((rs, n) -> new Lookup(rs.getBoolean("revoked"), rs.getString("email") == null ? null
                        : new Account(userId, rs.getString("email"), Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)),
                        "active".equals(rs.getString("status")))))
                .single();
    }
}
