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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** E4, E10, E11, E12, BOK-23 and optimistic locking (CNV-32) over HTTP. */
@IntegrationTest
class BookingChangesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TestClock clock;
    BookingFixture fx;
    User client;
    User washer;

    @BeforeEach
    void setUp() {
        fx = new BookingFixture(new Api(port), jdbc, clock);
        client = fx.client("changes");
        washer = fx.user("changes-washer", "washer");
        fx.washBay("oversized");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private JsonNode view(UUID id) {
        return fx.get(client, "/api/v1/bookings/" + id).json();
    }

    @Test
    void rescheduleMovesTheBookingAndNotesIt() {
        Instant at = fx.slot(LocalTime.of(9, 0));
        UUID id = fx.booking(client, at);
        Instant to = at.plus(Duration.ofDays(1)).plus(Duration.ofHours(2));
        while (to.atZone(ZoneOffset.UTC).getDayOfWeek().getValue() > 5) {
            to = to.plus(Duration.ofDays(1));
        }
        Api.Response r = fx.post(client, "/api/v1/bookings/" + id + "/reschedule",
                "{\"new_scheduled_at\":\"" + to + "\",\"reason\":\"traffic\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(Instant.parse(r.json().get("old_scheduled_at").asString())).isEqualTo(at);
        assertThat(Instant.parse(r.json().get("new_scheduled_at").asString())).isEqualTo(to);
        assertThat(r.json().get("status").asString()).isEqualTo("pending");
        assertThat(r.json().get("rescheduled_by").asString()).isEqualTo(client.id().toString());
        assertThat(r.json().get("wash_bay_id").isNull()).isFalse();
        assertThat(r.json().has("mobile_team_id")).isTrue();
        assertThat(view(id).get("notes").asString()).isEqualTo("Rescheduled from " + at + " to " + to + " (reason: traffic)");
        assertThat(fx.count("SELECT count(*) FROM bookings WHERE id = ? AND scheduled_at = ?", id, java.sql.Timestamp.from(to))).isEqualTo(1);

        String path = "/api/v1/bookings/" + id + "/reschedule";
        assertRule(fx.post(client, path, "{\"new_scheduled_at\":\"" + clock.instant().plus(Duration.ofMinutes(100)) + "\"}"),
                "RG-BOK-012", "Rescheduling requires at least 2 hours notice");
        assertValidation400(fx.post(client, path, "{\"new_scheduled_at\":\"" + clock.instant().plus(Duration.ofDays(91)) + "\"}"),
                "Cannot schedule more than 90 days in advance", null);
        assertRule(fx.post(client, path, "{\"new_scheduled_at\":\"" + to.atZone(ZoneOffset.UTC).withHour(20).toInstant() + "\"}"),
                "RG-BOK-017", "Requested time is outside business hours");
        assertShape422(fx.post(client, path, "{}"), "body -> new_scheduled_at", "missing");
        assertThat(fx.count("SELECT count(*) FROM bookings WHERE id = ? AND scheduled_at = ?", id, java.sql.Timestamp.from(to))).isEqualTo(1);

        assertThat(fx.post(client, "/api/v1/bookings/" + id + "/cancel", null).status()).isEqualTo(200);
        assertRule(fx.post(client, path, "{\"new_scheduled_at\":\"" + at + "\"}"), "RG-BOK-012", "Can only reschedule pending or confirmed bookings");
    }

    @Test
    void addAndRemoveServices() {
        UUID vehicle = fx.vehicle(client, "large");
        UUID first = fx.service("40.00", 60);
        Api.Response created = fx.create(client, body(client, vehicle, fx.slot(LocalTime.of(10, 0)), first));
        UUID id = UUID.fromString(created.json().get("booking_id").asString());
        String base = "/api/v1/bookings/" + id;
        UUID second = fx.service("15.50", 30);
        UUID third = fx.service("4.50", 15);

        Api.Response added = fx.post(client, base + "/services", "{\"service_ids\":[\"" + second + "\",\"" + third + "\"]}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().get("added_services").size()).isEqualTo(2);
        assertThat(added.json().get("added_services").get(0).get("service_id").asString()).isEqualTo(second.toString());
        assertThat(added.json().get("new_total_price").decimalValue()).isEqualByComparingTo("60.00");
        assertThat(added.json().get("new_estimated_duration").asInt()).isEqualTo(105);
        assertThat(added.json().get("total_services_count").asInt()).isEqualTo(3);
        assertThat(fx.count("SELECT count(*) FROM bookings WHERE id = ? AND total_price = 60 AND estimated_duration_minutes = 105", id)).isEqualTo(1);

        assertRule(fx.post(client, base + "/services", "{\"service_ids\":[\"" + second + "\"]}"), "RG-BOK-001", "Service already exists in booking");
        assertValidation400(fx.post(client, base + "/services", "{\"service_ids\":[\"" + fx.service("1.00", 150) + "\"]}"),
                "Total duration cannot exceed 240 minutes", "service_ids");
        UUID unknown = UUID.randomUUID();
        assertError(fx.post(client, base + "/services", "{\"service_ids\":[\"" + unknown + "\"]}"), 404, "NOT_FOUND", "Service " + unknown + " not found");
        assertShape422(fx.post(client, base + "/services", "{\"service_ids\":[]}"), "body -> service_ids", "list_too_short");

        Api.Response removed = fx.delete(client, base + "/services/" + second);
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().get("removed_services").size()).isEqualTo(1);
        assertThat(removed.json().get("removed_services").get(0).get("service_id").asString()).isEqualTo(second.toString());
        assertThat(removed.json().get("new_total_price").decimalValue()).isEqualByComparingTo("44.50");
        assertThat(removed.json().get("new_estimated_duration").asInt()).isEqualTo(75);
        assertThat(removed.json().get("total_services_count").asInt()).isEqualTo(2);
        assertThat(fx.count("SELECT count(*) FROM booking_services WHERE booking_id = ?", id)).isEqualTo(2);

        assertValidation400(fx.delete(client, base + "/services/" + second), "Service not found in booking", "service_id");
        assertValidation400(fx.delete(client, base + "/services/not-a-uuid"), "Service not found in booking", "service_id");
        assertValidation400(fx.delete(client, base + "/services/" + first), "Total duration must be at least 30 minutes", "service_ids");
        JsonNode services = view(id).get("services");
        assertThat(services.size()).isEqualTo(2);
        assertThat(services.get(0).get("service_id").asString()).isEqualTo(first.toString());
        assertThat(services.get(1).get("service_id").asString()).isEqualTo(third.toString());

        UUID single = fx.booking(client, fx.slot(LocalTime.of(14, 0)));
        String lone = view(single).get("services").get(0).get("service_id").asString();
        assertRule(fx.delete(client, "/api/v1/bookings/" + single + "/services/" + lone), "RG-BOK-014",
                "Cannot remove service - minimum 1 service required");

        assertThat(fx.post(washer, base + "/confirm", null).status()).isEqualTo(200);
        assertRule(fx.post(client, base + "/services", "{\"service_ids\":[\"" + fx.service("1.00", 15) + "\"]}"),
                "RG-BOK-013", "Can only add services to pending bookings");
        assertRule(fx.delete(client, base + "/services/" + third), "RG-BOK-014", "Can only remove services from pending bookings");
    }

    @Test
    void updateAppliesFieldsInOrderAndListsTheChanges() {
        Instant at = fx.slot(LocalTime.of(11, 0));
        UUID id = fx.booking(client, at);
        String path = "/api/v1/bookings/" + id;
        Api.Response none = fx.put(client, path, "{}");
        assertThat(none.status()).as(none.body()).isEqualTo(200);
        assertThat(none.json().get("changes_made").toString()).isEqualTo("[\"no_changes\"]");

        UUID a = fx.service("20.00", 30);
        UUID b = fx.service("22.00", 45);
        Instant to = at.plus(Duration.ofHours(1));
        Api.Response r = fx.put(client, path, """
                {"service_ids":["%s","%s"],"scheduled_at":"%s","notes":"side door","phone_number":"+4412345"}""".formatted(a, b, to));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode u = r.json();
        assertThat(u.get("changes_made").toString()).isEqualTo("[\"services\",\"scheduled_at\",\"notes\",\"phone_number\"]");
        assertThat(u.get("total_price").decimalValue()).isEqualByComparingTo("42.00");
        assertThat(u.get("estimated_duration").asInt()).isEqualTo(75);
        assertThat(Instant.parse(u.get("scheduled_at").asString())).isEqualTo(to);
        assertThat(u.get("services").size()).isEqualTo(2);
        assertThat(fx.count("SELECT count(*) FROM bookings WHERE id = ? AND phone_number = '+4412345' AND total_price = 42", id)).isEqualTo(1);

        Api.Response same = fx.put(client, path, "{\"notes\":\"side door\",\"scheduled_at\":\"" + to + "\"}");
        assertThat(same.json().get("changes_made").toString()).isEqualTo("[\"no_changes\"]");

        assertThat(fx.post(washer, path + "/confirm", null).status()).isEqualTo(200);
        assertRule(fx.put(client, path, "{\"service_ids\":[\"" + a + "\"]}"), "RG-BOK-013", "Can only update services for pending bookings");
        Api.Response notes = fx.put(client, path, "{\"notes\":\"front\"}");
        assertThat(notes.status()).as(notes.body()).isEqualTo(200);
        assertThat(notes.json().get("changes_made").toString()).isEqualTo("[\"notes\"]");

        assertThat(fx.post(client, path + "/cancel", null).status()).isEqualTo(200);
        assertRule(fx.put(client, path, "{\"notes\":\"x\"}"), "RG-BOK-024", "Can only update pending or confirmed bookings");
        assertShape422(fx.put(client, path, "{\"notes\":\"" + "n".repeat(501) + "\"}"), "body -> notes", "string_too_long");
    }

    @Test
    void aVehicleCannotBeInTwoOverlappingBookings() {
        UUID vehicle = fx.vehicle(client, "standard");
        Instant at = fx.slot(LocalTime.of(12, 0));
        UUID svc = fx.service("30.00", 60);
        assertThat(fx.create(client, body(client, vehicle, at, svc)).status()).isEqualTo(201);
        fx.washBay("oversized");
        Api.Response overlap = fx.create(client, body(client, vehicle, at.plus(Duration.ofMinutes(59)), svc));
        assertError(overlap, 409, "CONFLICT", "Vehicle already has a booking at this time");
        Api.Response after = fx.create(client, body(client, vehicle, at.plus(Duration.ofMinutes(60)), svc));
        assertThat(after.status()).as(after.body()).isEqualTo(201);
        assertThat(fx.count("SELECT count(*) FROM bookings WHERE vehicle_id = ?", vehicle)).isEqualTo(2);
    }

    @Test
    void concurrentModificationOfOneBookingIsAConflict() throws Exception {
        UUID id = fx.booking(client, fx.slot(LocalTime.of(13, 0)));
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement("UPDATE bookings SET version = version + 1, phone_number = 'other' WHERE id = ?")) {
                ps.setObject(1, id);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            CompletableFuture<Api.Response> update = CompletableFuture.supplyAsync(
                    () -> fx.put(client, "/api/v1/bookings/" + id, "{\"notes\":\"mine\"}"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (fx.count("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE 'update bookings%'") == 0) {
                assertThat(System.nanoTime()).as("the update waits for the row lock").isLessThan(deadline);
                assertThat(update).isNotDone();
                Thread.sleep(20);
            }
            other.commit();
            Api.Response r = update.get(20, TimeUnit.SECONDS);
            assertError(r, 409, "CONFLICT", "The resource was modified by another request; reload and retry");
        }
        assertThat(fx.count("SELECT count(*) FROM bookings WHERE id = ? AND notes = '' AND phone_number = 'other'", id)).isEqualTo(1);
        Api.Response retry = fx.put(client, "/api/v1/bookings/" + id, "{\"notes\":\"mine\"}");
        assertThat(retry.status()).as(retry.body()).isEqualTo(200);
    }
}
