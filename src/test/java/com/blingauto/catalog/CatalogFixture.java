package com.blingauto.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.support.Api;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/** Users, tokens, categories and services for catalogue tests, created through the API unless said otherwise. */
final class CatalogFixture {

    static final String PASSWORD = "Correct-horse-1";
    private static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

    final Api api;
    final JdbcClient jdbc;
    final CatalogCache cache;
    final String run = UUID.randomUUID().toString().substring(0, 8);
    private String admin;
    private String manager;
    private String client;

    CatalogFixture(Api api, JdbcClient jdbc, CatalogCache cache) {
        this.api = api;
        this.jdbc = jdbc;
        this.cache = cache;
    }

    String unique(String name) {
        return name + " " + run + UUID.randomUUID().toString().substring(0, 6);
    }

    UUID user(String name, String role) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO users (id, email, first_name, last_name, password_hash, role, status, email_verified, created_at, updated_at)
                VALUES (?, ?, 'Test', 'User', ?, ?, 'active', true, now(), now())""")
                .params(id, email(name), HASH, role).update();
        return id;
    }

    String email(String name) {
        return name + "-" + run + "@example.com";
    }

    String token(String name, String role) {
        user(name, role);
        Api.Response r = api.post("/api/v1/auth/login", "{\"email\":\"" + email(name) + "\",\"password\":\"" + PASSWORD + "\"}").send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("access_token").asString();
    }

    String admin() {
        if (admin == null) {
            admin = token("admin", "admin");
        }
        return admin;
    }

    String manager() {
        if (manager == null) {
            manager = token("manager", "manager");
        }
        return manager;
    }

    String client() {
        if (client == null) {
            client = token("client", "client");
        }
        return client;
    }

    Api.Response post(String token, String path, String json) {
        return api.post(path, json).bearer(token).send();
    }

    Api.Response patch(String token, String path, String json) {
        return api.request("PATCH", path, json).header("Content-Type", "application/json").bearer(token).send();
    }

    Api.Response get(String token, String path) {
        return api.get(path).bearer(token).send();
    }

    Api.Response delete(String token, String path) {
        return api.request("DELETE", path, null).bearer(token).send();
    }

    UUID category(String name) {
        Api.Response r = post(admin(), "/api/v1/services/categories", "{\"name\":\"" + name + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return UUID.fromString(r.json().get("category_id").asString());
    }

    UUID category() {
        return category(unique("Category"));
    }

    JsonNode service(UUID categoryId, String name, String price, int duration, boolean popular) {
        Api.Response r = post(admin(), "/api/v1/services/categories/" + categoryId + "/services",
                "{\"name\":\"" + name + "\",\"price\":\"" + price + "\",\"duration_minutes\":" + duration
                        + ",\"is_popular\":" + popular + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    UUID service(UUID categoryId, String name) {
        return UUID.fromString(service(categoryId, name, "25.00", 30, false).get("service_id").asString());
    }

    /** A direct write, which the application does not see: the cache is emptied as a write would. */
    void sql(String sql, Object... params) {
        jdbc.sql(sql).params(params).update();
        cache.evictLocal();
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
