package com.blingauto.auth;

import com.blingauto.shared.AccountDirectory;
import com.blingauto.shared.CurrentUser;
import com.blingauto.shared.Role;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers the per-request questions of authentication with one indexed read each. */
@Component
class AccountLookup implements AccountDirectory {

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountLookup(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Account> find(UUID userId) {
        return jdbc.sql("SELECT email, role, status FROM users WHERE id = ?")
                .param(userId)
                .query((rs, n) -> new Account(
                        new CurrentUser(userId, rs.getString("email"), Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT))),
                        "active".equals(rs.getString("status"))))
                .optional();
    }

    @Override
    public boolean isAccessTokenRevoked(String jti) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM revoked_access_tokens WHERE jti = ? AND expires_at > ?)")
                .param(jti)
                .param(java.sql.Timestamp.from(clock.instant()))
                .query(Boolean.class)
                .single();
    }
}
