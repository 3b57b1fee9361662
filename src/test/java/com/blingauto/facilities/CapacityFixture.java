package com.blingauto.facilities;

import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.support.Api;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Users, tokens and resources for facilities and scheduling tests: users written directly, tokens from the
 * real login, resources through the real API. Names carry a per-fixture run id, as tests share one database.
 */
public final class CapacityFixture {

    public static final String PASSWORD = "Correct-horse-1";
    private static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

    private final Api api;
    private final JdbcClient jdbc;
    public final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, UUID> ids = new HashMap<>();

    public CapacityFixture(Api api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    public Api api() {
        return api;
    }

    /** A unique name for this run. */
    public String name(String base) {
        return base + "-" + run;
    }

    /** An active user of the given role (created once per fixture and name). */
    public UUID user(String name, String role) {
        return ids.computeIfAbsent(name, n -> {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    INSERT INTO users (id, email, first_name, last_name, password_hash, role, status, email_verified, created_at, updated_at)
                    VALUES (?, ?, 'Test', 'User', ?, ?, 'active', true, now(), now())""")
                    .params(id, n + "-" + run + "@capacity.test", HASH, role).update();
            return id;
        });
    }

    public String token(String name, String role) {
        user(name, role);
        return tokens.computeIfAbsent(name, n -> {
            Api.Response r = api.post("/api/v1/auth/login",
                    "{\"email\":\"" + n + "-" + run + "@capacity.test\",\"password\":\"" + PASSWORD + "\"}").send();
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            return r.json().get("access_token").asString();
        });
    }

    public String admin() {
        return token("admin", "admin");
    }

    public String manager() {
        return token("manager", "manager");
    }

    public String washer() {
        return token("washer", "washer");
    }

    public String client() {
        return token("client", "client");
    }

    public Api.Response post(String path, String json, String token) {
        return api.post(path, json).bearer(token).send();
    }

    public Api.Response get(String path, String token) {
        return api.get(path).bearer(token).send();
    }

    public Api.Response patch(String path, String json, String token) {
        return api.request("PATCH", path, json).header("Content-Type", "application/json").bearer(token).send();
    }

    public Api.Response delete(String path, String token) {
        return api.request("DELETE", path, null).bearer(token).send();
    }

    /** Creates an active wash bay; its id. */
    public UUID washBay(String number, String maxSize, String... equipment) {
        String list = equipment.length == 0 ? "[]" : "[\"" + String.join("\",\"", equipment) + "\"]";
        Api.Response r = post("/api/v1/facilities/wash-bays",
                "{\"bay_number\":\"" + number + "\",\"max_vehicle_size\":\"" + maxSize + "\",\"equipment_types\":" + list + "}", admin());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return UUID.fromString(r.json().get("id").asString());
    }

    /** Creates an active mobile team; its id. */
    public UUID mobileTeam(String name, double latitude, double longitude, String radiusKm, int dailyCapacity, String... equipment) {
        String list = equipment.length == 0 ? "[]" : "[\"" + String.join("\",\"", equipment) + "\"]";
        Api.Response r = post("/api/v1/facilities/mobile-teams",
                "{\"team_name\":\"%s\",\"base_latitude\":%s,\"base_longitude\":%s,\"service_radius_km\":\"%s\",\"daily_capacity\":%d,\"equipment_types\":%s}"
                        .formatted(name, latitude, longitude, radiusKm, dailyCapacity, list), admin());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return UUID.fromString(r.json().get("id").asString());
    }

    /** A coordinate with 4 fraction digits, as the API accepts at most 8 (CNV-23). */
    public static double round4(double value) {
        return Math.round(value * 1e4) / 1e4;
    }

    public long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
