package com.blingauto.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.support.Api;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Users and tokens for auth tests: rows written directly, tokens obtained through the real login. */
final class AuthFixture {

    static final String PASSWORD = "Correct-horse-1";
    private static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

    private final Api api;
    private final JdbcClient jdbc;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    AuthFixture(Api api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    String email(String name) {
        return name + "-" + run + "@example.com";
    }

    UUID user(String name, String role, String status, boolean verified) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO users (id, email, first_name, last_name, password_hash, role, status, email_verified, created_at, updated_at)
                VALUES (?, ?, 'Test', 'User', ?, ?, ?, ?, now(), now())""")
                .params(id, email(name), HASH, role, status, verified).update();
        return id;
    }

    UUID activeUser(String name, String role) {
        return user(name, role, "active", true);
    }

    Api.Response login(String email, String password) {
        return api.post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").send();
    }

    /** Logs the named user in with {@link #PASSWORD}; the whole login response. */
    Api.Response loginAs(String name) {
        Api.Response r = login(email(name), PASSWORD);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    String accessToken(String name) {
        return loginAs(name).json().get("access_token").asString();
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
