package com.blingauto.bookings;

import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.bookings.BookingFixture.User;
import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import com.blingauto.support.TestClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * BOK-18 under load: 50 concurrent creations for one slot get exactly as many 201 as there are free wash bays,
 * 409 with alternatives for the rest, and the database never holds two overlapping active reservations of a
 * resource. Every other suitable bay of the shared database is held at that time first, so that only this
 * test's bays are free there.
 */
@IntegrationTest
class BookingConcurrencyIntegrationTests {

    private static final int REQUESTS = 50;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    BookingFixture fx;
    User client;

    @BeforeEach
    void setUp() {
        fx = new BookingFixture(new Api(port), jdbc, clock);
        client = fx.client("race");
    }

    @Test
    void oneBayOneWinner() throws Exception {
        race(1, fx.slot(LocalTime.of(10, 7), 75, 82));
    }

    @Test
    void threeBaysThreeWinners() throws Exception {
        race(3, fx.slot(LocalTime.of(14, 7), 82, 89));
    }

    private void race(int bays, Instant at) throws Exception {
        UUID service = fx.service("30.00", 60);
        List<UUID> vehicles = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            vehicles.add(fx.vehicle(client, "oversized"));
        }
        Set<UUID> mine = new java.util.HashSet<>();
        for (int i = 0; i < bays; i++) {
            mine.add(fx.washBay("oversized"));
        }
        holdEveryOtherBay(mine, at, 60);

        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Response>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(REQUESTS)) {
            for (UUID vehicle : vehicles) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return fx.createRaw(client, BookingFixture.body(client, vehicle, at, service));
                }));
            }
            go.countDown();
        }
        List<Api.Response> answers = new ArrayList<>();
        for (Future<Api.Response> f : futures) {
            answers.add(f.get());
        }
        List<Api.Response> created = answers.stream().filter(r -> r.status() == 201).toList();
        List<Api.Response> conflicts = answers.stream().filter(r -> r.status() == 409).toList();
        assertThat(created).as(answers.toString()).hasSize(bays);
        assertThat(conflicts).hasSize(REQUESTS - bays);
        for (Api.Response r : conflicts) {
            assertThat(r.error().get("code").asString()).isEqualTo("CONFLICT");
            assertThat(r.error().get("message").asString()).isEqualTo("No available wash bay for oversized vehicle at " + at);
            assertThat(r.error().get("details").has("alternatives")).isTrue();
        }
        Set<String> assigned = created.stream().map(r -> r.json().get("wash_bay_id").asString()).collect(Collectors.toSet());
        assertThat(assigned).isEqualTo(mine.stream().map(UUID::toString).collect(Collectors.toSet()));

        assertThat(fx.count("SELECT count(*) FROM bookings WHERE customer_id = ? AND scheduled_at = ?", client.id(), Timestamp.from(at)))
                .isEqualTo(bays);
        assertThat(fx.count("SELECT count(*) FROM reservations WHERE active AND resource_id IN (" + placeholders(mine.size()) + ")",
                mine.toArray())).isEqualTo(bays);
        assertThat(fx.count("""
                SELECT count(*) FROM reservations a JOIN reservations b
                    ON a.resource_id = b.resource_id AND a.id < b.id AND a.active AND b.active
                   AND tstzrange(a.starts_at, a.blocked_until, '[)') && tstzrange(b.starts_at, b.blocked_until, '[)')"""))
                .isZero();
    }

    /** Every active, suitable bay not created by this test is held over the requested range (a direct row). */
    private void holdEveryOtherBay(Set<UUID> mine, Instant at, int minutes) {
        List<UUID> others = jdbc.sql("SELECT id FROM wash_bays WHERE deleted_at IS NULL").query(UUID.class).list().stream()
                .filter(id -> !mine.contains(id)).toList();
        for (UUID bay : others) {
            jdbc.sql("""
                    INSERT INTO reservations (id, resource_id, resource_type, kind, booking_id, customer_id, starts_at, ends_at,
                                              blocked_until, active, created_by, created_at)
                    VALUES (?, ?, 'wash_bay', 'hold', ?, ?, ?, ?, ?, TRUE, ?, now())
                    ON CONFLICT DO NOTHING""")
                    .params(UUID.randomUUID(), bay, UUID.randomUUID(), client.id(), Timestamp.from(at.minus(Duration.ofMinutes(75))),
                            Timestamp.from(at.plus(Duration.ofMinutes(minutes + 75))),
                            Timestamp.from(at.plus(Duration.ofMinutes(minutes + 90))), client.id())
                    .update();
        }
    }

    private static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }
}
