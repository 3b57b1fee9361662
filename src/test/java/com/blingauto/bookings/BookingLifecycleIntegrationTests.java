package com.blingauto.bookings;

import static com.blingauto.bookings.BookingFixture.assertError;
import static com.blingauto.bookings.BookingFixture.assertRule;
import static com.blingauto.bookings.BookingFixture.assertShape422;
import static com.blingauto.bookings.BookingFixture.assertValidation400;
import static com.blingauto.bookings.BookingFixture.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.bookings.BookingFixture.User;
import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import com.blingauto.support.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** E1, E3, E5, E7–E9, E13, E14 over HTTP: the lifecycle, its fees and its refusals, with the suite's clock. */
@IntegrationTest
class BookingLifecycleIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    BookingQueries queries;
    BookingFixture fx;
    User admin;
    User washer;

    @BeforeEach
    void setUp() {
        fx = new BookingFixture(new Api(port), jdbc, clock);
        admin = fx.user("admin", "admin");
        washer = fx.user("washer", "washer");
        fx.washBay("oversized");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void createReturnsThePendingBookingWithItsBayAndWritesIt() {
        User client = fx.client("create");
        UUID vehicle = fx.vehicle(client, "standard");
        UUID wash = fx.service("25.50", 45);
        UUID wax = fx.service("14.25", 30);
        Instant at = fx.slot(LocalTime.of(9, 0));
        Api.Response r = fx.create(client, """
                {"customer_id":"%s","vehicle_id":"%s","service_ids":["%s","%s"],"scheduled_at":"%s",
                 "booking_type":"Scheduled","notes":"ring twice","phone_number":"+15550001"}"""
                .formatted(client.id(), vehicle, wash, wax, at.toString().replace("Z", "+00:00")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode b = r.json();
        UUID id = UUID.fromString(b.get("booking_id").asString());
        assertThat(b.get("status").asString()).isEqualTo("pending");
        assertThat(b.get("total_price").decimalValue()).isEqualByComparingTo("39.75");
        assertThat(b.get("total_price").isNumber()).isTrue();
        assertThat(b.get("estimated_duration").asInt()).isEqualTo(75);
        assertThat(Instant.parse(b.get("scheduled_at").asString())).isEqualTo(at);
        assertThat(b.get("services").size()).isEqualTo(2);
        assertThat(b.get("services").get(0).get("service_id").asString()).isEqualTo(wash.toString());
        assertThat(b.get("services").get(0).get("price").decimalValue()).isEqualByComparingTo("25.50");
        assertThat(b.get("services").get(0).get("duration_minutes").asInt()).isEqualTo(45);
        assertThat(b.get("wash_bay_id").isNull()).isFalse();
        assertThat(b.get("mobile_team_id").isNull()).isTrue();

        assertThat(fx.status(id)).isEqualTo("pending");
        assertThat(fx.count("SELECT count(*) FROM booking_services WHERE booking_id = ?", id)).isEqualTo(2);
        assertThat(fx.count("SELECT count(*) FROM bookings WHERE id = ? AND booking_type = 'stationary' AND total_price = 39.75 "
                + "AND estimated_duration_minutes = 75 AND notes = 'ring twice' AND wash_bay_id IS NOT NULL", id)).isEqualTo(1);

        Api.Response one = fx.get(client, "/api/v1/bookings/" + id);
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        JsonNode v = one.json();
        assertThat(v.get("id").asString()).isEqualTo(id.toString());
        assertThat(v.get("customer_id").asString()).isEqualTo(client.id().toString());
        assertThat(v.get("vehicle_id").asString()).isEqualTo(vehicle.toString());
        assertThat(v.get("booking_type").asString()).isEqualTo("stationary");
        assertThat(v.get("notes").asString()).isEqualTo("ring twice");
        assertThat(v.get("phone_number").asString()).isEqualTo("+15550001");
        assertThat(v.get("final_price").decimalValue()).isEqualByComparingTo("39.75");
        assertThat(v.get("overtime_fee").decimalValue()).isEqualByComparingTo("0");
        assertThat(v.get("cancellation_fee").decimalValue()).isEqualByComparingTo("0");
        for (String key : new String[]{"cancelled_at", "cancelled_by", "cancellation_reason", "customer_location", "confirmed_at",
                "actual_start_time", "actual_end_time", "rating", "feedback"}) {
            assertThat(v.has(key)).as(key).isTrue();
            assertThat(v.get(key).isNull()).as(key).isTrue();
        }
        assertThat(v.has("created_at")).isTrue();
        assertThat(v.has("updated_at")).isTrue();
    }

    @Test
    void fullLifecycleWithOvertimeAndRating() {
        User client = fx.client("life");
        Instant at = fx.slot(LocalTime.of(10, 0));
        UUID id = fx.booking(client, at);
        String base = "/api/v1/bookings/" + id;

        Api.Response confirmed = fx.post(washer, base + "/confirm", "{\"notes\":\"bay 2\"}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("confirmed");
        assertThat(confirmed.json().get("confirmed_by").asString()).isEqualTo(washer.id().toString());
        assertThat(confirmed.json().get("confirmed_at").isNull()).isFalse();
        assertRule(fx.post(washer, base + "/confirm", null), "RG-BOK-009", "Can only confirm pending bookings, current status: confirmed");

        clock.advance(fx.until(clock, at));
        washer = fx.relogin(washer);
        client = fx.relogin(client);
        Api.Response started = fx.post(washer, base + "/start", null);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().get("status").asString()).isEqualTo("in_progress");
        assertThat(started.json().get("started_by").asString()).isEqualTo(washer.id().toString());
        Instant startedAt = Instant.parse(started.json().get("actual_start_time").asString());
        assertRule(fx.post(client, base + "/cancel", null), "RG-BOK-009", "Cannot cancel booking with status: in_progress");

        clock.advance(Duration.ofMinutes(80));
        washer = fx.relogin(washer);
        client = fx.relogin(client);
        Api.Response future = fx.post(washer, base + "/complete", "{\"actual_end_time\":\"" + startedAt.plus(Duration.ofHours(3)) + "\"}");
        assertValidation400(future, "actual_end_time cannot be in the future", "actual_end_time");
        Api.Response before = fx.post(washer, base + "/complete", "{\"actual_end_time\":\"" + startedAt.minusSeconds(60) + "\"}");
        assertValidation400(before, "actual_end_time cannot be before the service start", "actual_end_time");

        Api.Response completed = fx.post(washer, base + "/complete", "{\"actual_end_time\":\"" + startedAt.plus(Duration.ofMinutes(75)).plusSeconds(30) + "\"}");
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        JsonNode c = completed.json();
        assertThat(c.get("status").asString()).isEqualTo("completed");
        assertThat(c.get("actual_duration").asInt()).isEqualTo(75);
        assertThat(c.get("overtime_fee").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(c.get("final_price").decimalValue()).isEqualByComparingTo("55.00");
        assertThat(c.get("completed_by").asString()).isEqualTo(washer.id().toString());
        assertThat(fx.count("SELECT count(*) FROM bookings WHERE id = ? AND status = 'completed' AND overtime_charges = 15", id)).isEqualTo(1);

        assertError(fx.post(washer, base + "/rate", "{\"rating\":5}"), 403, "FORBIDDEN", "You can only rate your own bookings");
        assertShape422(fx.post(client, base + "/rate", "{\"rating\":6}"), "body -> rating", "too_large");
        Api.Response rated = fx.post(client, base + "/rate", "{\"rating\":4,\"feedback\":\"shiny\"}");
        assertThat(rated.status()).as(rated.body()).isEqualTo(200);
        assertThat(rated.json().get("rating").asInt()).isEqualTo(4);
        assertThat(rated.json().get("feedback").asString()).isEqualTo("shiny");
        assertThat(rated.json().get("rated_at").isNull()).isFalse();
        assertRule(fx.post(client, base + "/rate", "{\"rating\":5}"), "RG-BOK-016", "Booking has already been rated");
        assertThat(fx.count("SELECT count(*) FROM bookings WHERE id = ? AND quality_rating = 4 AND quality_feedback = 'shiny'", id)).isEqualTo(1);

        BookingQueries.CompletedWork work = queries.completedBy(washer.id());
        assertThat(work.completed()).isEqualTo(1);
        assertThat(work.revenue()).isEqualByComparingTo("55.00");
        assertThat(work.averageRating()).isEqualByComparingTo("4.00");

        JsonNode view = fx.get(client, base).json();
        assertThat(view.get("status").asString()).isEqualTo("completed");
        assertThat(view.get("final_price").decimalValue()).isEqualByComparingTo("55.00");
        assertThat(view.get("notes").asString()).isEqualTo("Confirmation note: bay 2");
        assertThat(view.get("rating").asInt()).isEqualTo(4);
    }

    @Test
    void rateRefusesBookingsThatAreNotCompleted() {
        User client = fx.client("rate-early");
        UUID id = fx.booking(client, fx.slot(LocalTime.of(11, 0)));
        assertRule(fx.post(client, "/api/v1/bookings/" + id + "/rate", "{\"rating\":3}"), "RG-BOK-016", "Can only rate completed bookings");
        assertRule(fx.post(washer, "/api/v1/bookings/" + id + "/start", null), "RG-BOK-009", "Can only start confirmed bookings, current status: pending");
        assertRule(fx.post(washer, "/api/v1/bookings/" + id + "/complete", null), "RG-BOK-009", "Can only complete in-progress bookings, current status: pending");
        assertRule(fx.post(washer, "/api/v1/bookings/" + id + "/no-show", null), "RG-BOK-011", "Can only mark confirmed bookings as no-show");
        assertThat(fx.status(id)).isEqualTo("pending");
    }

    @Test
    void cancellationFeeFollowsTheNotice() {
        User client = fx.client("cancel");
        Instant at = fx.slot(LocalTime.of(12, 0));
        UUID early = fx.booking(client, at);
        Api.Response free = fx.post(client, "/api/v1/bookings/" + early + "/cancel", null);
        assertThat(free.status()).as(free.body()).isEqualTo(200);
        assertThat(free.json().get("status").asString()).isEqualTo("cancelled");
        assertThat(free.json().get("refund_amount").decimalValue()).isEqualByComparingTo("0");
        assertThat(free.json().get("cancellation_fee").decimalValue()).isEqualByComparingTo("0");
        assertThat(free.json().get("refund_status").asString()).isEqualTo("none");
        assertThat(free.json().get("cancellation_reason").asString()).isEqualTo("cancelled_by_customer");
        assertRule(fx.post(client, "/api/v1/bookings/" + early + "/cancel", null), "RG-BOK-009", "Cannot cancel booking with status: cancelled");

        UUID late = fx.booking(client, fx.slot(LocalTime.of(14, 0)));
        Instant lateAt = Instant.parse(fx.get(client, "/api/v1/bookings/" + late).json().get("scheduled_at").asString());
        clock.advance(fx.until(clock, lateAt).minus(Duration.ofHours(3)));
        client = fx.relogin(client);
        Api.Response half = fx.post(client, "/api/v1/bookings/" + late + "/cancel", "{\"reason\":\"sick\"}");
        assertThat(half.status()).as(half.body()).isEqualTo(200);
        assertThat(half.json().get("refund_amount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(half.json().get("cancellation_fee").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(fx.count("""
                SELECT count(*) FROM bookings WHERE id = ? AND status = 'cancelled' AND cancellation_fee = 20
                   AND cancelled_by = ? AND cancellation_reason = 'sick' AND notes = 'Cancellation reason: sick'""", late, client.id()))
                .isEqualTo(1);
        JsonNode view = fx.get(client, "/api/v1/bookings/" + late).json();
        assertThat(view.get("final_price").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(view.get("cancelled_by").asString()).isEqualTo(client.id().toString());
    }

    @Test
    void noShowOnlyAfterTheGracePeriod() {
        User client = fx.client("noshow");
        Instant at = fx.slot(LocalTime.of(15, 0));
        UUID id = fx.booking(client, at);
        String base = "/api/v1/bookings/" + id;
        assertThat(fx.post(washer, base + "/confirm", null).status()).isEqualTo(200);
        clock.advance(fx.until(clock, at).plus(Duration.ofMinutes(29)));
        washer = fx.relogin(washer);
        assertRule(fx.post(washer, base + "/no-show", null), "RG-BOK-011", "Cannot mark as no-show until 30 minutes after scheduled time");
        clock.advance(Duration.ofMinutes(1));
        washer = fx.relogin(washer);
        Api.Response r = fx.post(washer, base + "/no-show", "{}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("no_show");
        assertThat(r.json().get("no_show_fee").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(r.json().get("marked_by").asString()).isEqualTo(washer.id().toString());
        assertThat(Instant.parse(r.json().get("grace_period_end").asString())).isEqualTo(at.plus(Duration.ofMinutes(30)));
        assertThat(Instant.parse(r.json().get("scheduled_at").asString())).isEqualTo(at);
        assertThat(fx.count("SELECT count(*) FROM bookings WHERE id = ? AND status = 'no_show' AND cancellation_fee = 40 "
                + "AND cancellation_reason = 'customer_did_not_show'", id)).isEqualTo(1);
    }

    @Test
    void creationRefusalsWriteNothing() {
        User client = fx.client("refuse");
        UUID vehicle = fx.vehicle(client, "standard");
        UUID svc = fx.service("30.00", 60);
        long before = fx.count("SELECT count(*) FROM bookings WHERE customer_id = ?", client.id());

        Instant now = clock.instant();
        assertValidation400(fx.create(client, body(client, vehicle, now.minusSeconds(60), svc)), "Cannot schedule appointments in the past", "scheduled_at");
        assertValidation400(fx.create(client, body(client, vehicle, now.plus(Duration.ofMinutes(90)), svc)),
                "Booking must be scheduled at least 2 hours in advance", "scheduled_at");
        assertValidation400(fx.create(client, body(client, vehicle, now.plus(Duration.ofDays(91)), svc)),
                "Cannot schedule more than 90 days in advance", "scheduled_at");
        Instant at = fx.slot(LocalTime.of(9, 30));
        assertValidation400(fx.create(client, body(client, vehicle, at, fx.service("30.00", 15))), "Total duration must be at least 30 minutes", "service_ids");
        assertValidation400(fx.create(client, body(client, vehicle, at, fx.service("30.00", 210), fx.service("1.00", 45))),
                "Total duration cannot exceed 240 minutes", "service_ids");
        assertValidation400(fx.create(client, body(client, vehicle, at, svc, svc)), "Duplicate services are not allowed", "service_ids");
        UUID old = fx.inactiveService("10.00", 30);
        assertRule(fx.create(client, body(client, vehicle, at, old)), "RG-BOK-001", "Service '" + fx.serviceName(old) + "' is not available for booking");
        UUID unknown = UUID.randomUUID();
        Api.Response noService = fx.create(client, body(client, vehicle, at, unknown));
        assertError(noService, 404, "NOT_FOUND", "Service " + unknown + " not found");
        Api.Response noVehicle = fx.create(client, body(client, UUID.randomUUID(), at, svc));
        assertError(noVehicle, 404, "NOT_FOUND", "Vehicle not found");
        User other = fx.client("refuse-other");
        assertError(fx.create(client, body(client, fx.vehicle(other, "standard"), at, svc)), 404, "NOT_FOUND", "Vehicle not found");
        assertError(fx.create(client, body(other, fx.vehicle(other, "standard"), at, svc)), 403, "FORBIDDEN",
                "You can only create bookings for yourself");
        assertRule(fx.create(client, body(client, vehicle, at.atZone(java.time.ZoneOffset.UTC).withHour(19).toInstant(), svc)),
                "RG-BOK-017", "Requested time is outside business hours");
        Api.Response mobile = fx.create(client, body(client, vehicle, at, svc).replace("stationary", "mobile"));
        assertValidation400(mobile, "Customer location is required for mobile bookings", "customer_location");

        assertShape422(fx.create(client, body(client, vehicle, at, svc).replace("stationary", "drive_thru")), "body -> booking_type", "enum");
        assertShape422(fx.create(client, body(client, vehicle, at).replace("[]", "[]")), "body -> service_ids", "list_too_short");
        assertShape422(fx.create(client, "{\"customer_id\":\"nope\"}"), "body -> customer_id", "uuid_invalid");
        assertShape422(fx.create(client, body(client, vehicle, at, svc).replace(at.toString(), "tomorrow")), "body -> scheduled_at", "format_invalid");
        assertShape422(fx.create(client, "{\"customer_id\":\"" + client.id() + "\"}"), "body -> vehicle_id", "missing");
        assertShape422(fx.create(client, "[1]"), "body", "json_invalid");

        assertThat(fx.count("SELECT count(*) FROM bookings WHERE customer_id = ?", client.id())).isEqualTo(before);
    }

    @Test
    void adminCreatesForAnyExistingCustomer() {
        User client = fx.client("for-me");
        UUID vehicle = fx.vehicle(client, "compact");
        Instant at = fx.slot(LocalTime.of(13, 0));
        UUID svc = fx.service("50.00", 30);
        UUID ghost = UUID.randomUUID();
        Api.Response missing = fx.create(admin, body(new User(ghost, "", "client", ""), vehicle, at, svc));
        assertError(missing, 404, "NOT_FOUND", "Customer " + ghost + " not found");
        Api.Response r = fx.create(admin, body(client, vehicle, at, svc));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        UUID id = UUID.fromString(r.json().get("booking_id").asString());
        assertThat(fx.count("SELECT count(*) FROM bookings WHERE id = ? AND customer_id = ?", id, client.id())).isEqualTo(1);
        assertThat(fx.get(client, "/api/v1/bookings/" + id).status()).isEqualTo(200);
        assertThat(new BigDecimal(r.json().get("total_price").asString())).isEqualByComparingTo("50");
    }
}
