package com.blingauto.bookings;

import static com.blingauto.bookings.BookingFixture.assertRule;
import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.bookings.BookingFixture.User;
import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import com.blingauto.support.TestClock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Bookings with the modules around them: mobile teams (BOK-7), the reservation a booking holds and releases
 * (BOK-18), and the questions other modules ask bookings (VEH-5, SVC-7, SCH-13).
 */
@IntegrationTest
class BookingCollaborationIntegrationTests {

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
        client = fx.client("collab");
        fx.washBay("oversized");
    }

    private long activeReservations(UUID bookingId) {
        return fx.count("SELECT count(*) FROM reservations WHERE booking_id = ? AND active", bookingId);
    }

    @Test
    void mobileBookingsGetTheTeamServingTheLocation() {
        double lat = -60 + ThreadLocalRandom.current().nextDouble(0, 20);
        double lng = 150 + ThreadLocalRandom.current().nextDouble(0, 20);
        String latText = "%.6f".formatted(lat);
        String lngText = "%.6f".formatted(lng);
        Api.Response team = new Api(port).post("/api/v1/facilities/mobile-teams", """
                {"team_name":"Team %s","base_latitude":%s,"base_longitude":%s,"service_radius_km":"2.00","daily_capacity":5}"""
                .formatted(UUID.randomUUID(), latText, lngText)).bearer(fx.admin().token()).send();
        assertThat(team.status()).as(team.body()).isEqualTo(201);
        String teamId = team.json().get("id").asString();

        UUID vehicle = fx.vehicle(client, "large");
        UUID svc = fx.service("35.00", 60);
        Instant at = fx.slot(LocalTime.of(10, 0));
        String body = """
                {"customer_id":"%s","vehicle_id":"%s","service_ids":["%s"],"scheduled_at":"%s","booking_type":"MOBILE",
                 "customer_location":{"latitude":%s,"longitude":%s}}""".formatted(client.id(), vehicle, svc, at, latText, lngText);
        Api.Response r = fx.create(client, body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("mobile_team_id").asString()).isEqualTo(teamId);
        assertThat(r.json().get("wash_bay_id").isNull()).isTrue();
        UUID id = UUID.fromString(r.json().get("booking_id").asString());
        JsonNode view = fx.get(client, "/api/v1/bookings/" + id).json();
        assertThat(view.get("booking_type").asString()).isEqualTo("mobile");
        assertThat(view.get("customer_location").get("lat").decimalValue()).isEqualByComparingTo(latText);
        assertThat(view.get("customer_location").get("lng").decimalValue()).isEqualByComparingTo(lngText);
        assertThat(activeReservations(id)).isEqualTo(1);

        Api.Response nowhere = fx.create(client, """
                {"customer_id":"%s","vehicle_id":"%s","service_ids":["%s"],"scheduled_at":"%s","booking_type":"mobile",
                 "customer_location":{"lat":-89.99,"lng":-179.99}}""".formatted(client.id(), fx.vehicle(client, "large"), svc, at));
        assertRule(nowhere, "RG-BOK-007", "No mobile team serves this location");
    }

    @Test
    void theReservationFollowsTheBooking() {
        User washer = fx.user("collab-washer", "washer");
        Instant at = fx.slot(LocalTime.of(9, 0));
        UUID id = fx.booking(client, at);
        assertThat(activeReservations(id)).isEqualTo(1);
        String bay = fx.get(client, "/api/v1/bookings/" + id).json().get("wash_bay_id").asString();
        assertThat(fx.count("SELECT count(*) FROM reservations WHERE booking_id = ? AND active AND resource_id = ?::uuid "
                + "AND starts_at = ? AND blocked_until = ?", id, bay, java.sql.Timestamp.from(at),
                java.sql.Timestamp.from(at.plusSeconds(75 * 60)))).isEqualTo(1);

        Instant later = at.plusSeconds(3 * 3600);
        assertThat(fx.post(client, "/api/v1/bookings/" + id + "/reschedule", "{\"new_scheduled_at\":\"" + later + "\"}").status()).isEqualTo(200);
        assertThat(activeReservations(id)).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM reservations WHERE booking_id = ? AND active AND starts_at = ?", id,
                java.sql.Timestamp.from(later))).isEqualTo(1);

        assertThat(fx.post(washer, "/api/v1/bookings/" + id + "/confirm", null).status()).isEqualTo(200);
        assertThat(fx.post(client, "/api/v1/bookings/" + id + "/cancel", null).status()).isEqualTo(200);
        assertThat(activeReservations(id)).isZero();
    }

    @Test
    void aVehicleWithActiveBookingsCannotBeDeleted() {
        UUID vehicle = fx.vehicle(client, "standard");
        Api.Response created = fx.create(client, BookingFixture.body(client, vehicle, fx.slot(LocalTime.of(11, 0)), fx.service("20.00", 30)));
        UUID id = UUID.fromString(created.json().get("booking_id").asString());
        assertRule(fx.delete(client, "/api/v1/vehicles/" + vehicle), "RG-VEH-005", "Cannot delete a vehicle with active bookings");
        assertThat(fx.post(client, "/api/v1/bookings/" + id + "/cancel", null).status()).isEqualTo(200);
        assertThat(fx.delete(client, "/api/v1/vehicles/" + vehicle).status()).isEqualTo(204);
    }

    @Test
    void priceChangesCountFutureBookingsOfTheService() {
        UUID svc = fx.service("20.00", 30);
        fx.create(client, BookingFixture.body(client, fx.vehicle(client, "standard"), fx.slot(LocalTime.of(12, 0)), svc));
        User other = fx.client("collab-other");
        fx.create(other, BookingFixture.body(other, fx.vehicle(other, "standard"), fx.slot(LocalTime.of(13, 0)), svc));
        Api.Response change = new Api(port).request("PATCH", "/api/v1/services/" + svc + "/price", "{\"new_price\":\"22.00\"}")
                .header("Content-Type", "application/json").bearer(fx.admin().token()).send();
        assertThat(change.status()).as(change.body()).isEqualTo(200);
        assertThat(change.json().get("affected_future_bookings").asInt()).isEqualTo(2);
        JsonNode line = fx.get(client, "/api/v1/bookings?customer_id=" + client.id()).json().get("bookings").get(0);
        assertThat(line.get("total_price").decimalValue()).isEqualByComparingTo("20.00");
    }

    @Test
    void slotHoldsSeeTheBookingAndAreReleasedWithIt() {
        UUID id = fx.booking(client, fx.slot(LocalTime.of(14, 0)));
        UUID bay = fx.washBay("oversized");
        Instant holdAt = fx.slot(LocalTime.of(16, 0));
        Api.Response hold = fx.post(client, "/api/v1/scheduling/book-slot", """
                {"resource_id":"%s","start_time":"%s","duration_minutes":30,"booking_id":"%s","customer_id":"%s"}"""
                .formatted(bay, holdAt, id, client.id()));
        assertThat(hold.status()).as(hold.body()).isEqualTo(201);
        assertThat(activeReservations(id)).isEqualTo(2);
        User stranger = fx.client("collab-stranger");
        Api.Response hidden = fx.post(stranger, "/api/v1/scheduling/book-slot", """
                {"resource_id":"%s","start_time":"%s","duration_minutes":30,"booking_id":"%s","customer_id":"%s"}"""
                .formatted(bay, holdAt.plusSeconds(7200), id, client.id()));
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(404);
        assertThat(fx.post(client, "/api/v1/bookings/" + id + "/cancel", null).status()).isEqualTo(200);
        assertThat(activeReservations(id)).isZero();
    }
}
