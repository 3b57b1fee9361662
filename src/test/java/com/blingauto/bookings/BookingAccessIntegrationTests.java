package com.blingauto.bookings;

import static com.blingauto.bookings.BookingFixture.assertError;
import static com.blingauto.bookings.BookingFixture.assertShape422;
import static com.blingauto.bookings.BookingFixture.assertValidation400;
import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.bookings.BookingFixture.User;
import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import com.blingauto.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** BOK-19 visibility and authority, role lists (CNV-38), the list (E2, BOK-20) and the statistics (E6, BOK-22). */
@IntegrationTest
class BookingAccessIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    BookingFixture fx;
    User owner;
    User stranger;
    User manager;
    User washer;
    User admin;

    @BeforeEach
    void setUp() {
        fx = new BookingFixture(new Api(port), jdbc, clock);
        owner = fx.client("owner");
        stranger = fx.client("stranger");
        manager = fx.user("manager", "manager");
        washer = fx.user("washer", "washer");
        admin = fx.user("admin", "admin");
        fx.washBay("oversized");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anotherClientsBookingIsNotFound() {
        UUID id = fx.booking(owner, fx.slot(LocalTime.of(9, 0)));
        String base = "/api/v1/bookings/" + id;
        List<Api.Response> answers = new ArrayList<>();
        answers.add(fx.get(stranger, base));
        answers.add(fx.put(stranger, base, "{\"notes\":\"x\"}"));
        answers.add(fx.post(stranger, base + "/cancel", null));
        answers.add(fx.post(stranger, base + "/reschedule", "{\"new_scheduled_at\":\"" + fx.slot(LocalTime.of(10, 0)) + "\"}"));
        answers.add(fx.post(stranger, base + "/services", "{\"service_ids\":[\"" + fx.service("1.00", 15) + "\"]}"));
        answers.add(fx.delete(stranger, base + "/services/" + UUID.randomUUID()));
        answers.add(fx.post(stranger, base + "/rate", "{\"rating\":1}"));
        for (Api.Response r : answers) {
            assertError(r, 404, "NOT_FOUND", "Booking not found");
            assertThat(r.error().get("details").get("identifier").asString()).isEqualTo(id.toString());
        }
        Api.Response malformed = fx.get(owner, "/api/v1/bookings/not-a-uuid");
        assertError(malformed, 404, "NOT_FOUND", "Booking not found");
        assertThat(malformed.error().get("details").get("identifier").asString()).isEqualTo("not-a-uuid");
        assertError(fx.get(owner, "/api/v1/bookings/" + UUID.randomUUID()), 404, "NOT_FOUND", "Booking not found");
        assertThat(fx.count("SELECT count(*) FROM bookings WHERE id = ? AND notes = '' AND status = 'pending' AND version = 0", id)).isEqualTo(1);

        for (User staff : List.of(manager, washer, admin)) {
            assertThat(fx.get(staff, base).status()).isEqualTo(200);
        }
    }

    @Test
    void staffWhoAreNotTheOwnerMayNotModifyExceptAdmins() {
        UUID id = fx.booking(owner, fx.slot(LocalTime.of(11, 0)));
        String base = "/api/v1/bookings/" + id;
        for (User staff : List.of(manager, washer)) {
            for (Api.Response r : List.of(
                    fx.put(staff, base, "{\"notes\":\"x\"}"),
                    fx.post(staff, base + "/cancel", null),
                    fx.post(staff, base + "/reschedule", "{\"new_scheduled_at\":\"" + fx.slot(LocalTime.of(10, 0)) + "\"}"),
                    fx.post(staff, base + "/services", "{\"service_ids\":[\"" + fx.service("1.00", 15) + "\"]}"),
                    fx.delete(staff, base + "/services/" + UUID.randomUUID()))) {
                assertError(r, 403, "FORBIDDEN", "You can only modify your own bookings");
            }
        }
        assertThat(fx.status(id)).isEqualTo("pending");
        Api.Response byAdmin = fx.put(admin, base, "{\"notes\":\"admin note\"}");
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
        Api.Response cancel = fx.post(admin, base + "/cancel", "{\"reason\":\"ops\"}");
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
        assertThat(fx.count("SELECT count(*) FROM bookings WHERE id = ? AND cancelled_by = ?", id, admin.id())).isEqualTo(1);
    }

    @Test
    void roleListsAreCheckedBeforeTheBody() {
        UUID id = fx.booking(owner, fx.slot(LocalTime.of(12, 0)));
        String base = "/api/v1/bookings/" + id;
        for (String action : List.of("/confirm", "/start", "/complete", "/no-show")) {
            Api.Response r = fx.post(owner, base + action, "{not json");
            assertError(r, 403, "FORBIDDEN", "Requires one of: admin, manager, washer");
        }
        assertError(fx.get(manager, "/api/v1/bookings/admin/stats"), 403, "FORBIDDEN", "Requires one of: admin");
        assertError(fx.get(owner, "/api/v1/bookings/admin/stats"), 403, "FORBIDDEN", "Requires one of: admin");
        Api.Response anonymous = new Api(port).get("/api/v1/bookings/" + id).send();
        assertError(anonymous, 401, "UNAUTHORIZED", "Not authenticated");
        assertThat(fx.status(id)).isEqualTo("pending");
        for (User staff : List.of(manager, washer, admin)) {
            UUID b = fx.booking(owner, fx.slot(LocalTime.of(13, 0)));
            Api.Response r = fx.post(staff, "/api/v1/bookings/" + b + "/confirm", null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
    }

    @Test
    void clientsListOnlyTheirOwnBookings() {
        Instant base = fx.slot(LocalTime.of(9, 0));
        UUID first = fx.booking(owner, base);
        UUID second = fx.booking(owner, base.plus(Duration.ofHours(2)));
        UUID third = fx.booking(owner, base.plus(Duration.ofHours(4)));
        fx.booking(stranger, base);

        Api.Response mine = fx.get(owner, "/api/v1/bookings?limit=2");
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        JsonNode page1 = mine.json();
        assertThat(page1.get("total_count").asLong()).isEqualTo(3);
        assertThat(page1.get("page").asInt()).isEqualTo(1);
        assertThat(page1.get("limit").asInt()).isEqualTo(2);
        assertThat(page1.get("has_next").asBoolean()).isTrue();
        assertThat(page1.get("bookings").valueStream().map(b -> b.get("id").asString()).toList())
                .containsExactly(third.toString(), second.toString());
        JsonNode item = page1.get("bookings").get(0);
        assertThat(item.get("services_count").asInt()).isEqualTo(1);
        assertThat(item.get("total_price").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(item.get("estimated_duration").asInt()).isEqualTo(60);
        assertThat(item.get("booking_type").asString()).isEqualTo("stationary");
        assertThat(item.get("customer_id").asString()).isEqualTo(owner.id().toString());
        for (String key : List.of("vehicle_id", "status", "scheduled_at", "created_at")) {
            assertThat(item.has(key)).as(key).isTrue();
        }
        JsonNode page2 = fx.get(owner, "/api/v1/bookings?limit=2&page=2").json();
        assertThat(page2.get("bookings").valueStream().map(b -> b.get("id").asString()).toList()).containsExactly(first.toString());
        assertThat(page2.get("has_next").asBoolean()).isFalse();
        JsonNode past = fx.get(owner, "/api/v1/bookings?page=9").json();
        assertThat(past.get("bookings").size()).isZero();
        assertThat(past.get("total_count").asLong()).isEqualTo(3);

        assertError(fx.get(owner, "/api/v1/bookings?customer_id=" + stranger.id()), 403, "FORBIDDEN", "You can only view your own bookings");
        assertThat(fx.get(owner, "/api/v1/bookings?customer_id=" + owner.id()).json().get("total_count").asLong()).isEqualTo(3);

        assertThat(fx.post(washer, "/api/v1/bookings/" + second + "/confirm", null).status()).isEqualTo(200);
        JsonNode confirmed = fx.get(owner, "/api/v1/bookings?status=CONFIRMED").json();
        assertThat(confirmed.get("total_count").asLong()).isEqualTo(1);
        assertThat(confirmed.get("bookings").get(0).get("id").asString()).isEqualTo(second.toString());

        LocalDate day = LocalDate.ofInstant(base, ZoneOffset.UTC);
        JsonNode byDay = fx.get(owner, "/api/v1/bookings?start_date=" + day + "&end_date=" + day).json();
        assertThat(byDay.get("total_count").asLong()).isEqualTo(3);
        JsonNode byTime = fx.get(owner, "/api/v1/bookings?start_date=" + base.plus(Duration.ofHours(1)) + "&end_date=" + base.plus(Duration.ofHours(4))).json();
        assertThat(byTime.get("bookings").valueStream().map(b -> b.get("id").asString()).toList())
                .containsExactly(third.toString(), second.toString());

        JsonNode slash = fx.get(owner, "/api/v1/bookings/").json();
        assertThat(slash.get("total_count").asLong()).isEqualTo(3);
        // BOK-20: without filters, staff see this month's bookings up to now, so these future ones are not listed
        JsonNode staffDefault = fx.get(manager, "/api/v1/bookings?limit=100").json();
        assertThat(staffDefault.get("bookings").valueStream().map(b -> b.get("id").asString()).toList())
                .doesNotContain(first.toString(), second.toString(), third.toString());
        assertThat(staffDefault.get("bookings").valueStream()
                .allMatch(b -> !Instant.parse(b.get("scheduled_at").asString()).isAfter(clock.instant()))).isTrue();

        JsonNode byAdmin = fx.get(admin, "/api/v1/bookings?customer_id=" + stranger.id()).json();
        assertThat(byAdmin.get("total_count").asLong()).isEqualTo(1);

        assertValidation400(fx.get(owner, "/api/v1/bookings?start_date=" + day.plusDays(1) + "&end_date=" + day),
                "start_date must be on or before end_date", "start_date");
        assertShape422(fx.get(owner, "/api/v1/bookings?limit=0"), "query -> limit", "too_small");
        assertShape422(fx.get(owner, "/api/v1/bookings?limit=101"), "query -> limit", "too_large");
        assertShape422(fx.get(owner, "/api/v1/bookings?page=0"), "query -> page", "too_small");
        assertShape422(fx.get(owner, "/api/v1/bookings?status=done"), "query -> status", "enum");
        assertShape422(fx.get(owner, "/api/v1/bookings?start_date=soon"), "query -> start_date", "format_invalid");
        assertShape422(fx.get(admin, "/api/v1/bookings?customer_id=abc"), "query -> customer_id", "uuid_invalid");
    }

    @Test
    void statsCountEveryStatusAndTheRevenue() {
        Instant at = fx.slot(LocalTime.of(9, 0), 61, 75);
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        String statsPath = "/api/v1/bookings/admin/stats?start_date=" + day + "&end_date=" + day;
        Api.Response beforeResponse = fx.get(admin, statsPath);
        assertThat(beforeResponse.status()).as(beforeResponse.body()).isEqualTo(200);
        JsonNode before = beforeResponse.json();

        fx.booking(owner, at);                                            // pending
        UUID confirmed = fx.booking(owner, at.plus(Duration.ofHours(2)));  // confirmed
        UUID inProgress = fx.booking(owner, at.plus(Duration.ofHours(4)));
        UUID completed = fx.booking(owner, at.plus(Duration.ofHours(6)));
        UUID cancelled = fx.booking(stranger, at);
        for (UUID id : List.of(confirmed, inProgress, completed)) {
            assertThat(fx.post(washer, "/api/v1/bookings/" + id + "/confirm", null).status()).isEqualTo(200);
        }
        assertThat(fx.post(washer, "/api/v1/bookings/" + inProgress + "/start", null).status()).isEqualTo(200);
        assertThat(fx.post(washer, "/api/v1/bookings/" + completed + "/start", null).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(90));
        washer = fx.relogin(washer);
        admin = fx.relogin(admin);
        Api.Response done = fx.post(washer, "/api/v1/bookings/" + completed + "/complete", null);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().get("overtime_fee").decimalValue()).isEqualByComparingTo("30.00");
        stranger = fx.relogin(stranger);
        assertThat(fx.post(stranger, "/api/v1/bookings/" + cancelled + "/cancel", null).status()).isEqualTo(200);

        JsonNode after = fx.get(admin, statsPath).json();
        assertThat(delta(after, before, "total_bookings")).isEqualTo(5);
        assertThat(delta(after, before, "pending_bookings")).isEqualTo(1);
        assertThat(delta(after, before, "confirmed_bookings")).isEqualTo(1);
        assertThat(delta(after, before, "in_progress_bookings")).isEqualTo(1);
        assertThat(delta(after, before, "completed_bookings")).isEqualTo(1);
        assertThat(delta(after, before, "cancelled_bookings")).isEqualTo(1);
        assertThat(delta(after, before, "no_show_bookings")).isZero();
        assertThat(after.get("total_revenue").isNumber()).isTrue();
        assertThat(after.get("total_revenue").decimalValue().subtract(before.get("total_revenue").decimalValue()))
                .isEqualByComparingTo("150.00");

        JsonNode elsewhere = fx.get(admin, "/api/v1/bookings/admin/stats?start_date=" + day.plusDays(1) + "&end_date=" + day.plusDays(1)).json();
        assertThat(elsewhere.get("total_bookings").asLong()).isLessThan(after.get("total_bookings").asLong() + 1);
        assertValidation400(fx.get(admin, "/api/v1/bookings/admin/stats?start_date=" + day + "&end_date=" + day.minusDays(1)),
                "start_date must be on or before end_date", "start_date");
        assertShape422(fx.get(admin, "/api/v1/bookings/admin/stats?start_date=24-11-2026"), "query -> start_date", "format_invalid");
    }

    private static long delta(JsonNode after, JsonNode before, String key) {
        return after.get(key).asLong() - before.get(key).asLong();
    }
}
