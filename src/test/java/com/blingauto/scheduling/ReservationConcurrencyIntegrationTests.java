package com.blingauto.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.facilities.CapacityFixture;
import com.blingauto.facilities.FacilitiesService;
import com.blingauto.shared.VehicleSize;
import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SCH-12 / BOK-18 under contention: concurrent allocations, each in its own transaction, never produce two
 * overlapping active reservations of one resource, and the daily capacity of a team holds (SCH-8).
 */
@IntegrationTest
class ReservationConcurrencyIntegrationTests {

    static final int THREADS = 20;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ResourceAllocation allocation;
    @Autowired
    Allocator allocator;
    @Autowired
    FacilitiesService facilities;
    CapacityFixture fx;

    @BeforeEach
    void setUp() {
        fx = new CapacityFixture(new Api(port), jdbc);
    }

    /** A Wednesday 08:00Z at least 8 days ahead, opening hours by default (the tests restore the default week). */
    static LocalDate day(int weeksAhead) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(8).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY)).plusWeeks(weeksAhead);
    }

    static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).toInstant(ZoneOffset.UTC);
    }

    private <T> List<T> concurrently(int n, java.util.function.IntFunction<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return tx.execute(status -> work.apply(index));
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twentyConcurrentAllocationsOfOneSlotOnOneBayYieldExactlyOneReservation() throws Exception {
        UUID bay = fx.washBay(fx.name("hot-bay"), "standard");
        Candidate only = new Candidate(bay, ResourceType.WASH_BAY, "hot", 0, null);
        Instant start = at(day(0), 10, 0);
        List<Boolean> won = concurrently(THREADS, i -> allocator.insertFirstFree(List.of(only), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), start, 60, allocator.now(), Reservation.BOOKING).isPresent());
        assertThat(won.stream().filter(w -> w).count()).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM reservations WHERE resource_id = ? AND active", bay)).isEqualTo(1);
    }

    @Test
    void twentyConcurrentBookingAllocationsNeverShareABay() throws Exception {
        Instant start = at(day(1), 14, 30);
        int candidates = (int) facilities.activeWashBays().stream().filter(b -> VehicleSize.OVERSIZED.fitsIn(b.maxVehicleSize())).count();
        fx.washBay(fx.name("xl-bay"), "oversized");
        candidates++;
        List<Allocation> results = concurrently(THREADS, i -> allocation.allocateWashBay(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), VehicleSize.OVERSIZED, start, 45));
        List<Allocation.Allocated> allocated = results.stream().filter(Allocation.Allocated.class::isInstance)
                .map(Allocation.Allocated.class::cast).toList();
        assertThat(allocated).hasSize(Math.min(THREADS, candidates));
        Set<UUID> resources = allocated.stream().map(Allocation.Allocated::resourceId).collect(Collectors.toSet());
        assertThat(resources).hasSize(allocated.size());
        for (UUID resource : resources) {
            assertThat(fx.count("SELECT count(*) FROM reservations WHERE resource_id = ? AND active AND starts_at = ?", resource,
                    start.atOffset(ZoneOffset.UTC))).isEqualTo(1);
        }
        results.stream().filter(Allocation.NoneFree.class::isInstance)
                .forEach(r -> assertThat(((Allocation.NoneFree) r).alternatives()).isNotEmpty());
    }

    @Test
    void twentyConcurrentAllocationsOfOneTeamYieldOneReservation() throws Exception {
        double lat = CapacityFixture.round4(-60 - Math.random());
        double lon = CapacityFixture.round4(100 + Math.random() * 10);
        UUID team = fx.mobileTeam(fx.name("hot-team"), lat, lon, "5", 8);
        Instant start = at(day(0), 9, 0);
        List<Allocation> results = concurrently(THREADS, i -> allocation.allocateMobileTeam(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), CapacityFixture.round4(lat + 0.01), lon, start, 60));
        assertThat(results.stream().filter(Allocation.Allocated.class::isInstance).count()).isEqualTo(1);
        assertThat(results.stream().filter(Allocation.NoneFree.class::isInstance).count()).isEqualTo(THREADS - 1);
        assertThat(fx.count("SELECT count(*) FROM reservations WHERE resource_id = ? AND active", team)).isEqualTo(1);
    }

    @Test
    void dailyCapacityHoldsUnderConcurrency() throws Exception {
        double lat = CapacityFixture.round4(-70 - Math.random());
        double lon = CapacityFixture.round4(50 + Math.random() * 10);
        UUID team = fx.mobileTeam(fx.name("capped-team"), lat, lon, "5", 3);
        LocalDate date = day(1);
        // ten non-overlapping starts on one day: only the capacity decides
        List<Allocation> results = concurrently(10, i -> allocation.allocateMobileTeam(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), lat, lon, at(date, 8 + i, 0), 30));
        assertThat(results.stream().filter(Allocation.Allocated.class::isInstance).count()).isEqualTo(3);
        assertThat(fx.count("SELECT count(*) FROM reservations WHERE resource_id = ? AND active", team)).isEqualTo(3);
    }
}
