package com.blingauto.vehicles;

import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.support.Api;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/** Users written directly, tokens from the real login, vehicles through the API. */
final class VehicleFixture {

    static final String PASSWORD = "Correct-horse-1";
    private static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

    private final Api api;
    private final JdbcClient jdbc;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    VehicleFixture(Api api, JdbcClient jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    /** A logged-in user of the given role. */
    record Caller(UUID id, String token) {
    }

    Caller user(String name, String role) {
        UUID id = UUID.randomUUID();
        String email = name + "-" + run + "-" + id.toString().substring(0, 6) + "@vehicles.test";
        jdbc.sql("""
                INSERT INTO users (id, email, first_name, last_name, password_hash, role, status, email_verified, created_at, updated_at)
                VALUES (?, ?, 'Test', 'User', ?, ?, 'active', true, now(), now())""")
                .params(id, email, HASH, role).update();
        Api.Response r = api.post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return new Caller(id, r.json().get("access_token").asString());
    }

    Caller client(String name) {
        return user(name, "client");
    }

    static String body(String make, String model, int year, String color, String plate) {
        return "{\"make\":\"" + make + "\",\"model\":\"" + model + "\",\"year\":" + year + ",\"color\":\"" + color
                + "\",\"license_plate\":\"" + plate + "\"}";
    }

    Api.Response create(Caller caller, String json) {
        return api.post("/api/v1/vehicles", json).bearer(caller.token()).send();
    }

    /** Creates a vehicle with the given plate; the created representation. */
    JsonNode vehicle(Caller caller, String plate) {
        Api.Response r = create(caller, body("Toyota", "Camry", 2022, "Blue", plate));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    UUID vehicleId(Caller caller, String plate) {
        return UUID.fromString(vehicle(caller, plate).get("id").asString());
    }

    Api.Response get(Caller caller, Object id) {
        return api.get("/api/v1/vehicles/" + id).bearer(caller.token()).send();
    }

    Api.Response put(Caller caller, Object id, String json) {
        Api.Call call = api.request("PUT", "/api/v1/vehicles/" + id, json).bearer(caller.token());
        if (json != null) {
            call.header("Content-Type", "application/json");
        }
        return call.send();
    }

    Api.Response delete(Caller caller, Object id) {
        return api.request("DELETE", "/api/v1/vehicles/" + id, null).bearer(caller.token()).send();
    }

    Api.Response setDefault(Caller caller, Object id) {
        return api.request("PUT", "/api/v1/vehicles/" + id + "/default", null).bearer(caller.token()).send();
    }

    Api.Response list(Caller caller, String query) {
        return api.get("/api/v1/vehicles" + query).bearer(caller.token()).send();
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    long vehiclesOf(Caller caller) {
        return count("SELECT count(*) FROM vehicles WHERE customer_id = ?", caller.id());
    }

    /** A unique plate for this run: at most 20 characters. */
    String plate(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }
}
