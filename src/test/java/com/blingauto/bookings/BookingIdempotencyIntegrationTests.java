package com.blingauto.bookings;

import static com.blingauto.bookings.BookingFixture.assertRule;
import static com.blingauto.bookings.BookingFixture.assertShape422;
import static com.blingauto.bookings.BookingFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.bookings.BookingFixture.User;
import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import com.blingauto.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** BOK-21: the Idempotency-Key header of E1. */
@IntegrationTest
class BookingIdempotencyIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    Api api;
    BookingFixture fx;
    User client;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fx = new BookingFixture(api, jdbc, clock);
        client = fx.client("idem");
        fx.washBay("oversized");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Api.Response create(User caller, String key, String body) {
        fx.washBay("oversized");
        return api.post("/api/v1/bookings", body).bearer(caller.token()).header("Idempotency-Key", key).send();
    }

    private long bookingsOf(User user) {
        return fx.count("SELECT count(*) FROM bookings WHERE customer_id = ?", user.id());
    }

    @Test
    void sameKeySameBodyReplaysTheFirstResponse() {
        UUID vehicle = fx.vehicle(client, "standard");
        UUID a = fx.service("20.00", 30);
        UUID b = fx.service("25.00", 30);
        Instant at = fx.slot(LocalTime.of(9, 0));
        String key = "key-" + UUID.randomUUID();
        String body = body(client, vehicle, at, a, b);
        Api.Response first = create(client, key, body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();

        String reordered = """
                {  "booking_type" : "stationary", "scheduled_at":"%s",
                   "service_ids":["%s","%s"], "vehicle_id":"%s", "customer_id":"%s" }""".formatted(at, a, b, vehicle, client.id());
        Api.Response again = create(client, key, reordered);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(bookingsOf(client)).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM booking_idempotency_keys WHERE user_id = ? AND idempotency_key = ? AND response_status = 201",
                client.id(), key)).isEqualTo(1);

        Api.Response different = create(client, key, body(client, vehicle, at, a));
        assertRule(different, "RG-BOK-021", "Idempotency-Key has already been used with a different request");
        assertThat(bookingsOf(client)).isEqualTo(1);

        User other = fx.client("idem-other");
        Api.Response scoped = create(other, key, body(other, fx.vehicle(other, "standard"), at, a));
        assertThat(scoped.status()).as(scoped.body()).isEqualTo(201);
        assertThat(scoped.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aFailedRequestLeavesTheKeyFree() {
        UUID vehicle = fx.vehicle(client, "standard");
        UUID svc = fx.service("20.00", 60);
        String key = "retry-" + UUID.randomUUID();
        Instant tooSoon = clock.instant().plus(Duration.ofMinutes(30));
        assertThat(create(client, key, body(client, vehicle, tooSoon, svc)).status()).isEqualTo(400);
        assertThat(fx.count("SELECT count(*) FROM booking_idempotency_keys WHERE user_id = ?", client.id())).isZero();
        Api.Response ok = create(client, key, body(client, vehicle, fx.slot(LocalTime.of(10, 0)), svc));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    }

    @Test
    void keysAreForgottenAfter24Hours() {
        UUID vehicle = fx.vehicle(client, "standard");
        UUID svc = fx.service("20.00", 60);
        String key = "old-" + UUID.randomUUID();
        Instant at = fx.slot(LocalTime.of(11, 0));
        assertThat(create(client, key, body(client, vehicle, at, svc)).status()).isEqualTo(201);
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        client = fx.relogin(client);
        Api.Response fresh = create(client, key, body(client, vehicle, at.plus(Duration.ofHours(2)), svc));
        assertThat(fresh.status()).as(fresh.body()).isEqualTo(201);
        assertThat(fresh.header("Idempotent-Replayed")).isNull();
        assertThat(bookingsOf(client)).isEqualTo(2);

        clock.advance(Duration.ofHours(24).plusSeconds(1));
        client = fx.relogin(client);
        String other = "new-" + UUID.randomUUID();
        assertThat(create(client, other, body(client, vehicle, at.plus(Duration.ofHours(4)), svc)).status()).isEqualTo(201);
        assertThat(fx.count("SELECT count(*) FROM booking_idempotency_keys WHERE user_id = ?", client.id())).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM booking_idempotency_keys WHERE user_id = ? AND idempotency_key = ?", client.id(), other))
                .isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneBooking() throws Exception {
        UUID vehicle = fx.vehicle(client, "standard");
        String body = body(client, vehicle, fx.slot(LocalTime.of(12, 0)), fx.service("20.00", 60));
        String key = "race-" + UUID.randomUUID();
        List<Future<Api.Response>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < 10; i++) {
                futures.add(pool.submit(() -> create(client, key, body)));
            }
        }
        List<Api.Response> answers = new ArrayList<>();
        for (Future<Api.Response> f : futures) {
            answers.add(f.get());
        }
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
        assertThat(answers.stream().map(r -> r.json().get("booking_id").asString()).distinct()).hasSize(1);
        assertThat(answers.stream().filter(r -> "true".equals(r.header("Idempotent-Replayed")))).hasSize(9);
        assertThat(bookingsOf(client)).isEqualTo(1);
    }

    @Test
    void malformedKeysAreRefused() {
        String body = body(client, fx.vehicle(client, "standard"), fx.slot(LocalTime.of(13, 0)), fx.service("20.00", 60));
        assertShape422(create(client, "x".repeat(256), body), "header -> Idempotency-Key", "string_too_long");
        assertShape422(create(client, "a\tb", body), "header -> Idempotency-Key", "value_error");
        assertThat(bookingsOf(client)).isZero();
        assertThat(create(client, "x".repeat(255), body).status()).isEqualTo(201);
    }
}
