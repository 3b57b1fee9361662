package com.blingauto.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.support.Api;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/** Users, vehicles, services, wash bays and bookings for booking tests, each with unique names. */
final class BookingFixture {

    static final String PASSWORD = "Correct-horse-1";
    private static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

    private final Api api;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    BookingFixture(Api api, JdbcClient jdbc, Clock clock) {
        this.api = api;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A user with a fresh access token. */
    record User(UUID id, String email, String role, String token) {
    }

    User user(String name, String role) {
        UUID id = UUID.randomUUID();
        String email = name + "-" + run + "-" + id.toString().substring(0, 6) + "@example.com";
        jdbc.sql("""
                INSERT INTO users (id, email, first_name, last_name, password_hash, role, status, email_verified, created_at, updated_at)
                VALUES (?, ?, 'Test', 'User', ?, ?, 'active', true, now(), now())""")
                .params(id, email, HASH, role).update();
        return new User(id, email, role, login(email));
    }

    User client(String name) {
        return user(name, "client");
    }

    /** A new token for the user, e.g. after the clock moved past the previous token's expiry. */
    User relogin(User user) {
        return new User(user.id(), user.email(), user.role(), login(user.email()));
    }

    private String login(String email) {
        Api.Response r = api.post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("access_token").asString();
    }

    private User admin;
    private UUID category;
    private final java.util.concurrent.atomic.AtomicInteger sequence = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.Map<UUID, String> serviceNames = new java.util.concurrent.ConcurrentHashMap<>();

    private Instant adminTokenAt;

    /** The fixture's own admin, who creates services and wash bays; a new token once the clock has moved on. */
    synchronized User admin() {
        Instant now = clock.instant();
        if (admin == null) {
            admin = user("fixture-admin", "admin");
            adminTokenAt = now;
        } else if (now.isAfter(adminTokenAt.plus(Duration.ofMinutes(10))) || now.isBefore(adminTokenAt)) {
            admin = relogin(admin);
            adminTokenAt = now;
        }
        return admin;
    }

    private static UUID id(Api.Response r, String... keys) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        for (String key : keys) {
            if (r.json().has(key)) {
                return UUID.fromString(r.json().get(key).asString());
            }
        }
        throw new AssertionError("no id in " + r.body());
    }

    UUID vehicle(User owner, String size) {
        String plate = ("T" + UUID.randomUUID().toString().replace("-", "")).substring(0, 12).toUpperCase(java.util.Locale.ROOT);
        return id(api.post("/api/v1/vehicles", """
                {"make":"Test","model":"Car","year":2022,"color":"Blue","license_plate":"%s","vehicle_size":"%s"}"""
                .formatted(plate, size)).bearer(owner.token()).send(), "id");
    }

    private synchronized UUID category() {
        if (category == null) {
            category = id(api.post("/api/v1/services/categories", "{\"name\":\"Bookings " + run + "\"}")
                    .bearer(admin().token()).send(), "id", "category_id");
        }
        return category;
    }

    /** An ACTIVE service of an ACTIVE category; {@code minutes} a multiple of 15, price at most 500.00. */
    UUID service(String price, int minutes) {
        String name = "Svc " + run + " " + sequence.incrementAndGet();
        UUID id = id(api.post("/api/v1/services/categories/" + category() + "/services", """
                {"name":"%s","price":"%s","duration_minutes":%d}""".formatted(name, price, minutes))
                .bearer(admin().token()).send(), "id", "service_id");
        serviceNames.put(id, name);
        return id;
    }

    String serviceName(UUID id) {
        return serviceNames.get(id);
    }

    /** A service that exists but may not be booked (status INACTIVE, written directly: no endpoint sets it). */
    UUID inactiveService(String price, int minutes) {
        UUID id = service(price, minutes);
        jdbc.sql("UPDATE services SET status = 'INACTIVE' WHERE id = ?").param(id).update();
        return id;
    }

    UUID washBay(String maxSize) {
        return id(api.post("/api/v1/facilities/wash-bays", """
                {"bay_number":"BK-%s-%d","max_vehicle_size":"%s"}""".formatted(run, sequence.incrementAndGet(), maxSize))
                .bearer(admin().token()).send(), "id");
    }

    /** A random weekday at {@code time} (UTC = default business time zone), between 3 and 60 days ahead. */
    Instant slot(LocalTime time) {
        return slot(time, 3, 60);
    }

    Instant slot(LocalTime time, int minDays, int maxDays) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(ThreadLocalRandom.current().nextInt(minDays, maxDays));
        while (day.getDayOfWeek() == DayOfWeek.SUNDAY || day.getDayOfWeek() == DayOfWeek.SATURDAY) {
            day = day.plusDays(1);
        }
        return day.atTime(time).toInstant(ZoneOffset.UTC);
    }

    static String body(User customer, UUID vehicle, Instant at, UUID... services) {
        StringBuilder ids = new StringBuilder();
        for (UUID s : services) {
            ids.append(ids.isEmpty() ? "" : ",").append('"').append(s).append('"');
        }
        return """
                {"customer_id":"%s","vehicle_id":"%s","service_ids":[%s],"scheduled_at":"%s","booking_type":"stationary"}"""
                .formatted(customer.id(), vehicle, ids, at);
    }

    /**
     * Creates a booking after adding a wash bay that takes any vehicle, so that the suite always has a free bay
     * at any time (there are at least as many bays as bookings) and tests never collide on the shared calendar.
     */
    Api.Response create(User caller, String body) {
        washBay("oversized");
        return createRaw(caller, body);
    }

    Api.Response createRaw(User caller, String body) {
        return api.post("/api/v1/bookings", body).bearer(caller.token()).send();
    }

    /** A pending stationary booking of one 60-minute 40.00 service; its id. */
    UUID booking(User customer, Instant at) {
        UUID vehicle = vehicle(customer, "standard");
        Api.Response r = create(customer, body(customer, vehicle, at, service("40.00", 60)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return UUID.fromString(r.json().get("booking_id").asString());
    }

    Api.Response post(User caller, String path, String body) {
        return api.post(path, body == null ? "" : body).bearer(caller.token()).send();
    }

    Api.Response get(User caller, String path) {
        return api.get(path).bearer(caller.token()).send();
    }

    Api.Response put(User caller, String path, String body) {
        return api.request("PUT", path, body).header("Content-Type", "application/json").bearer(caller.token()).send();
    }

    Api.Response delete(User caller, String path) {
        return api.request("DELETE", path, null).bearer(caller.token()).send();
    }

    String status(UUID bookingId) {
        return jdbc.sql("SELECT status FROM bookings WHERE id = ?").param(bookingId).query(String.class).single();
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    static void assertError(Api.Response r, int status, String code, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        JsonNode error = r.error();
        assertThat(error.get("code").asString()).isEqualTo(code);
        if (message != null) {
            assertThat(error.get("message").asString()).isEqualTo(message);
        }
    }

    static void assertRule(Api.Response r, String rule, String message) {
        assertError(r, 422, "BUSINESS_RULE_VIOLATION", message);
        assertThat(r.error().get("details").get("rule").asString()).isEqualTo(rule);
    }

    static void assertValidation400(Api.Response r, String message, String field) {
        assertError(r, 400, "VALIDATION_ERROR", message);
        if (field != null) {
            assertThat(r.error().get("details").get("field").asString()).isEqualTo(field);
        }
    }

    static void assertShape422(Api.Response r, String field, String type) {
        assertError(r, 422, "VALIDATION_ERROR", "Request validation failed");
        List<JsonNode> errors = r.error().get("details").get("validation_errors").valueStream().toList();
        assertThat(errors).as(r.body()).anySatisfy(e -> {
            assertThat(e.get("field").asString()).isEqualTo(field);
            assertThat(e.get("type").asString()).isEqualTo(type);
        });
    }

    static Duration until(Clock clock, Instant at) {
        return Duration.between(clock.instant(), at);
    }
}
