package com.blingauto.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.facilities.CapacityFixture;
import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import com.blingauto.support.TestSlotBookings;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Spec 07 E1–E10 over HTTP, and the allocation facade bookings use, with their database effects. */
@IntegrationTest
class SchedulingIntegrationTests {

    static final String BASE = "/api/v1/scheduling";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestSlotBookings slotBookings;
    @Autowired
    ResourceAllocation allocation;
    @Autowired
    TransactionTemplate tx;
    CapacityFixture fx;
    final List<UUID> closures = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fx = new CapacityFixture(new Api(port), jdbc);
    }

    @AfterEach
    void restoreTheDefaultCalendar() {
        jdbc.sql("DELETE FROM business_hours").update();
        closures.forEach(id -> jdbc.sql("DELETE FROM closures WHERE id = ?").param(id).update());
    }

    /** A Wednesday at least 8 days ahead (open 08:00–18:00Z by default). */
    static LocalDate wednesday(int weeksAhead) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(8).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY)).plusWeeks(weeksAhead);
    }

    static Instant at(LocalDate date, int hour, int minute) {
        return date.atTime(hour, minute).toInstant(ZoneOffset.UTC);
    }

    static Instant instant(JsonNode node) {
        return Instant.parse(node.asString());
    }

    private void reserve(UUID resource, String type, Instant start, int minutes) {
        Instant end = start.plus(Duration.ofMinutes(minutes));
        jdbc.sql("""
                INSERT INTO reservations (id, resource_id, resource_type, kind, booking_id, customer_id, starts_at, ends_at, blocked_until, active, created_by, created_at)
                VALUES (?, ?, ?, 'booking', ?, ?, ?, ?, ?, true, ?, now())""")
                .params(UUID.randomUUID(), resource, type, UUID.randomUUID(), UUID.randomUUID(), start.atOffset(ZoneOffset.UTC),
                        end.atOffset(ZoneOffset.UTC), end.plus(Duration.ofMinutes(15)).atOffset(ZoneOffset.UTC), UUID.randomUUID())
                .update();
    }

    private static void assertValidation(Api.Response r, String field, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.error().get("code").asString()).isEqualTo("VALIDATION_ERROR");
        List<String> fields = new ArrayList<>();
        r.error().get("details").get("validation_errors").forEach(e -> fields.add(e.get("field").asString() + "/" + e.get("type").asString()));
        assertThat(fields).as(r.body()).contains(field + "/" + type);
    }

    private static void assertError(Api.Response r, int status, String code, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.error().get("code").asString()).isEqualTo(code);
        assertThat(r.error().get("message").asString()).isEqualTo(message);
    }

    // ---- E6, E7 business hours -----------------------------------------------------------------------------

    @Test
    void businessHoursDefaultThenFullReplacement() {
        Api.Response defaults = fx.get(BASE + "/business-hours", fx.manager());
        assertThat(defaults.status()).as(defaults.body()).isEqualTo(200);
        JsonNode d = defaults.json();
        assertThat(d.get("timezone").asString()).isEqualTo("UTC");
        assertThat(d.get("is_default").asBoolean()).isTrue();
        assertThat(d.get("days").size()).isEqualTo(7);
        assertThat(d.get("days").get(0).get("day").asString()).isEqualTo("monday");
        assertThat(d.get("days").get(0).get("is_closed").asBoolean()).isFalse();
        assertThat(d.get("days").get(0).get("open_time").asString()).isEqualTo("08:00:00");
        assertThat(d.get("days").get(0).get("close_time").asString()).isEqualTo("18:00:00");
        assertThat(d.get("days").get(6).get("day").asString()).isEqualTo("sunday");
        assertThat(d.get("days").get(6).get("is_closed").asBoolean()).isTrue();
        assertThat(d.get("days").get(6).get("open_time").isNull()).isTrue();

        Api.Response put = fx.api().request("PUT", BASE + "/business-hours", """
                {"days":[{"day":"MONDAY","open_time":"09:00","close_time":"17:00:00",
                          "breaks":[{"start_time":"12:00","end_time":"12:30"}]},
                         {"day":"sunday","is_closed":true,"breaks":[{"start_time":"10:00","end_time":"11:00"}]},
                         {"day":"Wednesday","open_time":"07:30","close_time":"19:00"}]}""")
                .header("Content-Type", "application/json").bearer(fx.admin()).send();
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode p = put.json();
        assertThat(p.get("is_default").asBoolean()).isFalse();
        assertThat(p.get("days").get(0).get("open_time").asString()).isEqualTo("09:00:00");
        assertThat(p.get("days").get(0).get("breaks").get(0).get("start_time").asString()).isEqualTo("12:00:00");
        assertThat(p.get("days").get(0).get("breaks").get(0).get("end_time").asString()).isEqualTo("12:30:00");
        assertThat(p.get("days").get(1).get("is_closed").asBoolean()).isTrue();
        assertThat(p.get("days").get(2).get("open_time").asString()).isEqualTo("07:30:00");
        assertThat(p.get("days").get(6).get("breaks").size()).isZero();
        assertThat(fx.count("SELECT count(*) FROM business_hours")).isEqualTo(7);
        assertThat(fx.count("SELECT count(*) FROM business_hours WHERE NOT is_closed")).isEqualTo(2);
        assertThat(fx.count("SELECT count(*) FROM business_hour_breaks")).isEqualTo(1);

        JsonNode again = fx.get(BASE + "/business-hours", fx.admin()).json();
        assertThat(again.toString()).isEqualTo(p.toString());
        LocalDate wednesday = wednesday(0);
        assertThat(allocation.withinOpeningHours(at(wednesday, 7, 30), at(wednesday, 8, 30))).isTrue();
        assertThat(allocation.withinOpeningHours(at(wednesday, 18, 30), at(wednesday, 19, 30))).isFalse();
        assertThat(allocation.withinOpeningHours(at(wednesday.plusDays(1), 10, 0), at(wednesday.plusDays(1), 11, 0))).isFalse();
        LocalDate monday = wednesday.minusDays(2);
        assertThat(allocation.withinOpeningHours(at(monday, 11, 30), at(monday, 12, 15))).isFalse();
        assertThat(allocation.withinOpeningHours(at(monday, 12, 30), at(monday, 13, 30))).isTrue();
    }

    @Test
    void businessHoursValidation() {
        String admin = fx.admin();
        java.util.function.Function<String, Api.Response> put = body -> fx.api().request("PUT", BASE + "/business-hours", body)
                .header("Content-Type", "application/json").bearer(admin).send();
        Api.Response order = put.apply("{\"days\":[{\"day\":\"monday\",\"open_time\":\"18:00\",\"close_time\":\"08:00\"}]}");
        assertError(order, 400, "VALIDATION_ERROR", "Open time must be before close time");
        assertThat(order.error().get("details").get("field").asString()).isEqualTo("days");
        assertError(put.apply("{\"days\":[{\"day\":\"monday\",\"open_time\":\"08:00\",\"close_time\":\"18:00\",\"breaks\":[{\"start_time\":\"13:00\",\"end_time\":\"12:00\"}]}]}"),
                400, "VALIDATION_ERROR", "Break start time must be before end time");
        assertError(put.apply("{\"days\":[{\"day\":\"monday\",\"open_time\":\"08:00\",\"close_time\":\"18:00\",\"breaks\":[{\"start_time\":\"07:00\",\"end_time\":\"09:00\"}]}]}"),
                400, "VALIDATION_ERROR", "Break periods must be within business hours");
        assertError(put.apply("{\"days\":[{\"day\":\"monday\",\"open_time\":\"08:00\",\"close_time\":\"18:00\",\"breaks\":[{\"start_time\":\"12:00\",\"end_time\":\"13:00\"},{\"start_time\":\"12:30\",\"end_time\":\"14:00\"}]}]}"),
                400, "VALIDATION_ERROR", "Break periods must not overlap");
        Api.Response duplicate = put.apply("{\"days\":[{\"day\":\"monday\",\"is_closed\":true},{\"day\":\"MONDAY\",\"is_closed\":true}]}");
        assertValidation(duplicate, "body -> days -> 1 -> day", "value_error");
        assertThat(duplicate.body()).contains("Duplicate day: monday");
        assertValidation(put.apply("{\"days\":[{\"day\":\"monday\",\"close_time\":\"18:00\"}]}"), "body -> days -> 0 -> open_time", "missing");
        assertValidation(put.apply("{\"days\":[]}"), "body -> days", "list_too_short");
        assertValidation(put.apply("{\"days\":[{\"day\":\"funday\",\"is_closed\":true}]}"), "body -> days -> 0 -> day", "enum");
        assertValidation(put.apply("{\"days\":[{\"day\":\"monday\",\"open_time\":\"25:00\",\"close_time\":\"18:00\"}]}"), "body -> days -> 0 -> open_time", "format_invalid");
        assertValidation(put.apply("{}"), "body -> days", "missing");
        assertThat(fx.count("SELECT count(*) FROM business_hours")).isZero();

        Api.Response washer = fx.get(BASE + "/business-hours", fx.washer());
        assertError(washer, 403, "FORBIDDEN", "Requires one of: admin, manager");
        assertThat(fx.api().get(BASE + "/business-hours").send().status()).isEqualTo(401);
        assertThat(fx.api().request("PUT", BASE + "/business-hours", "{\"days\":[{\"day\":\"monday\",\"is_closed\":true}]}")
                .header("Content-Type", "application/json").bearer(fx.client()).send().status()).isEqualTo(403);
        assertThat(fx.count("SELECT count(*) FROM business_hours")).isZero();
    }

    // ---- E8–E10 closures -----------------------------------------------------------------------------------

    @Test
    void closuresAreCreatedListedAndDeleted() {
        LocalDate date = wednesday(6);
        Api.Response created = fx.post(BASE + "/closures", "{\"date\":\"" + date + "\",\"reason\":\"Staff training\"}", fx.manager());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().get("id").asString());
        closures.add(id);
        assertThat(created.json().get("date").asString()).isEqualTo(date.toString());
        assertThat(created.json().get("reason").asString()).isEqualTo("Staff training");
        assertThat(created.json().get("created_by").asString()).isEqualTo(fx.user("manager", "manager").toString());
        assertThat(created.json().get("created_at").asString()).endsWith("Z");
        assertThat(fx.count("SELECT count(*) FROM closures WHERE id = ? AND date = ?", id, date)).isEqualTo(1);

        Api.Response duplicate = fx.post(BASE + "/closures", "{\"date\":\"" + date + "\"}", fx.admin());
        assertError(duplicate, 409, "CONFLICT", "A closure already exists for " + date);
        Api.Response past = fx.post(BASE + "/closures", "{\"date\":\"" + LocalDate.now(ZoneOffset.UTC).minusDays(1) + "\"}", fx.admin());
        assertError(past, 400, "VALIDATION_ERROR", "Closure date cannot be in the past");
        assertValidation(fx.post(BASE + "/closures", "{\"date\":\"2030-02-30\"}", fx.admin()), "body -> date", "format_invalid");
        assertValidation(fx.post(BASE + "/closures", "{\"date\":\"" + date.plusDays(1) + "\",\"reason\":\"" + "r".repeat(201) + "\"}", fx.admin()), "body -> reason", "string_too_long");
        assertThat(fx.count("SELECT count(*) FROM closures WHERE date = ?", date.plusDays(1))).isZero();

        // a closed day is outside the opening hours
        assertThat(allocation.withinOpeningHours(at(date, 10, 0), at(date, 11, 0))).isFalse();

        Api.Response list = fx.get(BASE + "/closures?from=" + date + "&to=" + date, fx.admin());
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().get("total").asInt()).isEqualTo(1);
        assertThat(list.json().get("items").get(0).get("id").asString()).isEqualTo(id.toString());
        assertThat(fx.get(BASE + "/closures?from=" + date.plusDays(1), fx.admin()).json().get("items").toString()).doesNotContain(id.toString());
        assertThat(fx.get(BASE + "/closures", fx.admin()).json().get("items").toString()).contains(id.toString());
        assertThat(fx.get(BASE + "/closures?from=" + date + "&to=" + date.minusDays(1), fx.admin()).status()).isEqualTo(400);
        assertValidation(fx.get(BASE + "/closures?from=tomorrow", fx.admin()), "query -> from", "format_invalid");
        assertThat(fx.get(BASE + "/closures", fx.washer()).status()).isEqualTo(403);

        assertThat(fx.delete(BASE + "/closures/" + id, fx.washer()).status()).isEqualTo(403);
        Api.Response deleted = fx.delete(BASE + "/closures/" + id, fx.admin());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(fx.count("SELECT count(*) FROM closures WHERE id = ?", id)).isZero();
        assertError(fx.delete(BASE + "/closures/" + id, fx.admin()), 404, "NOT_FOUND", "Closure not found");
        assertThat(fx.delete(BASE + "/closures/nope", fx.admin()).status()).isEqualTo(404);
        assertThat(allocation.withinOpeningHours(at(date, 10, 0), at(date, 11, 0))).isTrue();
    }

    // ---- E1 check-availability -----------------------------------------------------------------------------

    private String availability(Object requested, int minutes, String size, String type, String extra) {
        return "{\"requested_time\":\"%s\",\"duration_minutes\":%d,\"vehicle_size\":\"%s\",\"service_type\":\"%s\"%s}"
                .formatted(requested, minutes, size, type, extra);
    }

    @Test
    void washBayAvailabilityPicksTheSmallestSufficientFreeBay() {
        String tag = fx.name("tag");
        UUID large = fx.washBay(fx.name("avail-L"), "large", tag);
        UUID standard = fx.washBay(fx.name("avail-S"), "standard", tag);
        LocalDate day = wednesday(0);
        String equipment = ",\"required_equipment\":[\"" + tag + "\"]";
        Api.Response first = fx.post(BASE + "/check-availability", availability(at(day, 10, 0), 60, "COMPACT", "wash_bay", equipment), fx.client());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode json = first.json();
        assertThat(json.get("available").asBoolean()).isTrue();
        assertThat(json.get("resource_id").asString()).isEqualTo(standard.toString());
        assertThat(json.get("resource_type").asString()).isEqualTo("wash_bay");
        assertThat(instant(json.get("confirmed_time"))).isEqualTo(at(day, 10, 0));
        assertThat(json.get("duration_minutes").asInt()).isEqualTo(60);
        assertThat(json.get("estimated_travel_time").isNull()).isTrue();
        assertThat(json.get("reason").isNull()).isTrue();
        assertThat(json.get("alternatives").size()).isZero();
        assertThat(fx.count("SELECT count(*) FROM reservations WHERE resource_id IN (?, ?)", large, standard)).isZero();

        reserve(standard, "wash_bay", at(day, 10, 0), 60);
        JsonNode second = fx.post(BASE + "/check-availability", availability(at(day, 10, 0).atOffset(ZoneOffset.ofHours(2)).toLocalDateTime() + "+02:00", 60, "compact", "wash_bay", equipment)
                .replace("+02:00Z", "+02:00"), fx.client()).json();
        assertThat(second.get("available").asBoolean()).as(second.toString()).isTrue();
        assertThat(second.get("resource_id").asString()).isEqualTo(large.toString());

        reserve(large, "wash_bay", at(day, 10, 0), 60);
        JsonNode none = fx.post(BASE + "/check-availability", availability(at(day, 10, 0), 60, "compact", "wash_bay", equipment), fx.washer()).json();
        assertThat(none.get("available").asBoolean()).isFalse();
        assertThat(none.get("reason").asString()).isEqualTo("No resources available at requested time");
        assertThat(none.get("resource_id").isNull()).isTrue();
        assertThat(none.get("confirmed_time").isNull()).isTrue();
        JsonNode alternatives = none.get("alternatives");
        assertThat(alternatives.size()).isEqualTo(5);
        // busy [10:00, 11:15): nearest free starts are 08:30 and 11:30 (1.5 h), standard bay first
        assertThat(instant(alternatives.get(0).get("suggested_time"))).isEqualTo(at(day, 8, 30));
        assertThat(alternatives.get(0).get("resource_id").asString()).isEqualTo(standard.toString());
        assertThat(alternatives.get(0).get("resource_type").asString()).isEqualTo("wash_bay");
        assertThat(alternatives.get(0).get("duration_minutes").asInt()).isEqualTo(60);
        assertThat(alternatives.get(0).get("time_difference_hours").isNumber()).isTrue();
        assertThat(alternatives.get(0).get("time_difference_hours").asDouble()).isEqualTo(1.5);
        assertThat(alternatives.get(1).get("resource_id").asString()).isEqualTo(large.toString());
        assertThat(instant(alternatives.get(2).get("suggested_time"))).isEqualTo(at(day, 11, 30));
        assertThat(instant(alternatives.get(4).get("suggested_time"))).isEqualTo(at(day, 8, 0));

        JsonNode unsuitable = fx.post(BASE + "/check-availability", availability(at(day, 10, 0), 60, "compact", "wash_bay",
                ",\"required_equipment\":[\"" + tag + "\",\"" + fx.name("other") + "\"]"), fx.client()).json();
        assertThat(unsuitable.get("available").asBoolean()).isFalse();
        assertThat(unsuitable.get("reason").asString()).isEqualTo("No suitable resources available");
        assertThat(unsuitable.get("alternatives").size()).isZero();

        JsonNode tooLarge = fx.post(BASE + "/check-availability", availability(at(day, 12, 0), 60, "oversized", "wash_bay", equipment), fx.client()).json();
        assertThat(tooLarge.get("reason").asString()).isEqualTo("No suitable resources available");

        JsonNode closedHours = fx.post(BASE + "/check-availability", availability(at(day, 17, 30), 60, "compact", "wash_bay", equipment), fx.client()).json();
        assertThat(closedHours.get("available").asBoolean()).isFalse();
        assertThat(closedHours.get("reason").asString()).isEqualTo("Requested time violates scheduling constraints");
        assertThat(closedHours.get("alternatives").size()).isEqualTo(5);
        assertThat(instant(closedHours.get("alternatives").get(0).get("suggested_time"))).isEqualTo(at(day, 17, 0));

        JsonNode tooSoon = fx.post(BASE + "/check-availability", availability(Instant.now().plus(Duration.ofHours(1)), 60, "compact", "wash_bay", equipment), fx.client()).json();
        assertThat(tooSoon.get("reason").asString()).isEqualTo("Requested time violates scheduling constraints");
    }

    @Test
    void availabilityInputErrors() {
        String client = fx.client();
        Instant when = at(wednesday(0), 10, 0);
        Api.Response shortSlot = fx.post(BASE + "/check-availability", availability(when, 20, "compact", "wash_bay", ""), client);
        assertError(shortSlot, 400, "VALIDATION_ERROR", "Time slot must be at least 30 minutes");
        assertThat(shortSlot.error().get("details").get("field").asString()).isEqualTo("duration_minutes");
        assertValidation(fx.post(BASE + "/check-availability", availability(when, 0, "compact", "wash_bay", ""), client), "body -> duration_minutes", "too_small");
        assertValidation(fx.post(BASE + "/check-availability", availability(when, 241, "compact", "wash_bay", ""), client), "body -> duration_minutes", "too_large");
        assertValidation(fx.post(BASE + "/check-availability", availability(when, 60, "tiny", "wash_bay", ""), client), "body -> vehicle_size", "enum");
        assertValidation(fx.post(BASE + "/check-availability", availability(when, 60, "compact", "boat", ""), client), "body -> service_type", "enum");
        assertValidation(fx.post(BASE + "/check-availability", "{\"requested_time\":\"tomorrow\",\"duration_minutes\":60,\"vehicle_size\":\"compact\",\"service_type\":\"wash_bay\"}", client),
                "body -> requested_time", "format_invalid");
        assertValidation(fx.post(BASE + "/check-availability", "{\"duration_minutes\":60,\"service_type\":\"wash_bay\"}", client), "body -> vehicle_size", "missing");
        Api.Response noLocation = fx.post(BASE + "/check-availability", availability(when, 60, "compact", "mobile_team", ""), client);
        assertValidation(noLocation, "body -> customer_location", "value_error");
        assertThat(noLocation.body()).contains("Customer location is required for mobile service");
        assertValidation(fx.post(BASE + "/check-availability", availability(when, 60, "compact", "mobile_team", ",\"customer_location\":{\"latitude\":95,\"longitude\":0}"), client),
                "body -> customer_location -> latitude", "too_large");
        assertThat(fx.api().post(BASE + "/check-availability", availability(when, 60, "compact", "wash_bay", "")).send().status()).isEqualTo(401);
    }

    @Test
    void mobileAvailabilityReportsTravelTime() {
        double lat = CapacityFixture.round4(-40 - Math.random());
        double lon = CapacityFixture.round4(-140 - Math.random() * 10);
        UUID team = fx.mobileTeam(fx.name("travel-team"), lat, lon, "30", 4);
        double customerLat = CapacityFixture.round4(lat + 0.135);
        JsonNode json = fx.post(BASE + "/check-availability", availability(at(wednesday(0), 10, 0), 60, "large", "mobile_team",
                ",\"customer_location\":{\"latitude\":" + customerLat + ",\"longitude\":" + lon + "}"), fx.client()).json();
        assertThat(json.get("available").asBoolean()).as(json.toString()).isTrue();
        assertThat(json.get("resource_id").asString()).isEqualTo(team.toString());
        assertThat(json.get("resource_type").asString()).isEqualTo("mobile_team");
        assertThat(json.get("estimated_travel_time").asInt()).isEqualTo(Geo.travelMinutes(Geo.haversineKm(lat, lon, customerLat, lon))).isEqualTo(30);

        JsonNode far = fx.post(BASE + "/check-availability", availability(at(wednesday(0), 10, 0), 60, "large", "mobile_team",
                ",\"customer_location\":{\"latitude\":" + (CapacityFixture.round4(lat + 0.5)) + ",\"longitude\":" + lon + "}"), fx.client()).json();
        assertThat(far.get("resource_id").isNull() || !far.get("resource_id").asString().equals(team.toString())).isTrue();
    }

    // ---- E2 available-slots --------------------------------------------------------------------------------

    @Test
    void availableSlotsFollowTheGridHoursReservationsAndCapacity() {
        double lat = CapacityFixture.round4(60 + Math.random());
        double lon = CapacityFixture.round4(-30 - Math.random() * 10);
        UUID team = fx.mobileTeam(fx.name("slots-team"), lat, lon, "10", 4);
        LocalDate day = wednesday(1);
        reserve(team, "mobile_team", at(day, 10, 0), 60);
        String location = ",\"customer_location\":{\"latitude\":" + lat + ",\"longitude\":" + lon + "}";
        Api.Response r = fx.post(BASE + "/available-slots", "{\"start_date\":\"%s\",\"end_date\":\"%s\",\"service_type\":\"mobile_team\"%s}"
                .formatted(day, day, location), fx.client());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode json = r.json();
        List<Instant> starts = new ArrayList<>();
        json.get("slots").forEach(s -> starts.add(instant(s.get("start_time"))));
        // 08:00..17:00 (19 starts of 60 min) minus 09:00..11:00 that meet [10:00, 11:15)
        assertThat(starts).hasSize(14).startsWith(at(day, 8, 0), at(day, 8, 30), at(day, 11, 30)).endsWith(at(day, 17, 0));
        assertThat(json.get("total_count").asInt()).isEqualTo(14);
        JsonNode slot = json.get("slots").get(0);
        assertThat(slot.get("resource_id").asString()).isEqualTo(team.toString());
        assertThat(slot.get("resource_type").asString()).isEqualTo("mobile_team");
        assertThat(instant(slot.get("end_time"))).isEqualTo(at(day, 9, 0));
        assertThat(slot.get("duration_minutes").asInt()).isEqualTo(60);
        assertThat(slot.get("capacity_utilization").isNumber()).isTrue();
        assertThat(slot.get("capacity_utilization").asDouble()).isEqualTo(25.0);
        JsonNode criteria = json.get("search_criteria");
        assertThat(instant(criteria.get("start_date"))).isEqualTo(at(day, 0, 0));
        assertThat(instant(criteria.get("end_date"))).isEqualTo(at(day.plusDays(1), 0, 0));
        assertThat(criteria.get("service_type").asString()).isEqualTo("mobile_team");
        assertThat(criteria.get("duration_minutes").asInt()).isEqualTo(60);
        assertThat(criteria.get("vehicle_size").asString()).isEqualTo("standard");

        // a full team offers nothing that day
        for (int h : new int[] {12, 14, 16}) {
            reserve(team, "mobile_team", at(day, h, 0), 30);
        }
        JsonNode full = fx.post(BASE + "/available-slots", "{\"start_date\":\"%s\",\"end_date\":\"%s\",\"service_type\":\"mobile_team\",\"duration_minutes\":30%s}"
                .formatted(at(day, 0, 0), at(day, 23, 0), location), fx.client()).json();
        assertThat(full.get("total_count").asInt()).isZero();

        UUID bay = fx.washBay(fx.name("slots-bay"), "large");
        JsonNode bays = fx.post(BASE + "/available-slots", "{\"start_date\":\"%s\",\"end_date\":\"%s\",\"service_type\":\"wash_bay\",\"duration_minutes\":240,\"vehicle_size\":\"large\"}"
                .formatted(at(day, 13, 0), at(day, 15, 0)), fx.client()).json();
        List<String> mine = new ArrayList<>();
        bays.get("slots").forEach(s -> {
            if (s.get("resource_id").asString().equals(bay.toString())) {
                mine.add(s.get("start_time").asString());
            }
        });
        assertThat(mine).hasSize(3);
        assertThat(bays.get("search_criteria").get("vehicle_size").asString()).isEqualTo("large");
    }

    @Test
    void slotSearchInputErrors() {
        String client = fx.client();
        LocalDate day = wednesday(1);
        Api.Response backwards = fx.post(BASE + "/available-slots", "{\"start_date\":\"%s\",\"end_date\":\"%s\",\"service_type\":\"wash_bay\"}"
                .formatted(at(day, 12, 0), at(day, 11, 0)), client);
        assertValidation(backwards, "body -> end_date", "value_error");
        assertThat(backwards.body()).contains("End date must be after start date");
        Api.Response tooLong = fx.post(BASE + "/available-slots", "{\"start_date\":\"%s\",\"end_date\":\"%s\",\"service_type\":\"wash_bay\"}"
                .formatted(day, day.plusDays(30)), client);
        assertValidation(tooLong, "body -> end_date", "value_error");
        assertThat(tooLong.body()).contains("Search range cannot exceed 30 days");
        assertError(fx.post(BASE + "/available-slots", "{\"start_date\":\"%s\",\"end_date\":\"%s\",\"service_type\":\"wash_bay\",\"duration_minutes\":15}"
                .formatted(day, day), client), 400, "VALIDATION_ERROR", "Time slot must be at least 30 minutes");
        assertValidation(fx.post(BASE + "/available-slots", "{\"start_date\":\"%s\",\"end_date\":\"%s\"}".formatted(day, day), client), "body -> service_type", "missing");
        assertValidation(fx.post(BASE + "/available-slots", "{\"start_date\":\"2030-13-01\",\"end_date\":\"%s\",\"service_type\":\"wash_bay\"}".formatted(day), client), "body -> start_date", "format_invalid");
        assertThat(fx.api().post(BASE + "/available-slots", "{}").send().status()).isEqualTo(401);
    }

    // ---- E3 resources --------------------------------------------------------------------------------------

    @Test
    void resourcesArePublicWithTodaysUtilization() {
        UUID bay = fx.washBay(fx.name("ov-bay"), "large", "foam");
        UUID maintenance = fx.washBay(fx.name("ov-maint"), "standard");
        fx.patch("/api/v1/facilities/wash-bays/" + maintenance, "{\"status\":\"maintenance\"}", fx.admin());
        UUID deleted = fx.washBay(fx.name("ov-deleted"), "standard");
        fx.delete("/api/v1/facilities/wash-bays/" + deleted, fx.admin());
        UUID team = fx.mobileTeam(fx.name("ov-team"), 12.5, 45.25, "12.5", 4);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        reserve(bay, "wash_bay", at(today, 1, 0), 60);
        reserve(team, "mobile_team", at(today, 1, 0), 60);

        Api.Response r = fx.api().get(BASE + "/resources").header("Authorization", "Bearer not-a-token").send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode json = r.json();
        assertThat(json.get("total_wash_bays").asInt()).isEqualTo(json.get("wash_bays").size());
        assertThat(json.get("total_mobile_teams").asInt()).isEqualTo(json.get("mobile_teams").size());
        assertThat(json.get("wash_bays").toString()).doesNotContain(deleted.toString());
        JsonNode mine = null;
        JsonNode maint = null;
        for (JsonNode b : json.get("wash_bays")) {
            if (b.get("id").asString().equals(bay.toString())) {
                mine = b;
            }
            if (b.get("id").asString().equals(maintenance.toString())) {
                maint = b;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(maint.get("status").asString()).isEqualTo("maintenance");
        assertThat(mine.get("bay_number").asString()).isEqualTo(fx.name("ov-bay"));
        assertThat(mine.get("max_vehicle_size").asString()).isEqualTo("large");
        assertThat(mine.get("equipment_types").get(0).asString()).isEqualTo("foam");
        boolean sunday = today.getDayOfWeek() == DayOfWeek.SUNDAY;
        assertThat(mine.get("current_utilization").isNumber()).isTrue();
        assertThat(mine.get("current_utilization").asDouble()).isEqualTo(sunday ? 0.0 : 10.0);
        JsonNode myTeam = null;
        for (JsonNode t : json.get("mobile_teams")) {
            if (t.get("id").asString().equals(team.toString())) {
                myTeam = t;
            }
        }
        assertThat(myTeam.get("base_location").get("latitude").asDouble()).isEqualTo(12.5);
        assertThat(myTeam.get("service_radius_km").asString()).isEqualTo("12.50");
        assertThat(myTeam.get("daily_capacity").asInt()).isEqualTo(4);
        assertThat(myTeam.get("current_utilization").asDouble()).isEqualTo(25.0);
        assertThat(myTeam.get("status").asString()).isEqualTo("active");
    }

    // ---- E4, E5 slot holds ---------------------------------------------------------------------------------

    private String hold(UUID resource, Instant start, int minutes, UUID booking, UUID customer) {
        return "{\"resource_id\":\"%s\",\"start_time\":\"%s\",\"duration_minutes\":%d,\"booking_id\":\"%s\",\"customer_id\":\"%s\"}"
                .formatted(resource, start, minutes, booking, customer);
    }

    @Test
    void slotHoldsFollowSch13() {
        UUID owner = fx.user("owner", "client");
        String ownerToken = fx.token("owner", "client");
        String otherToken = fx.token("other", "client");
        UUID bay = fx.washBay(fx.name("hold-bay"), "standard");
        LocalDate day = wednesday(2);
        UUID booking = slotBookings.register(owner, "pending");

        Api.Response unknown = fx.post(BASE + "/book-slot", hold(bay, at(day, 13, 0), 60, UUID.randomUUID(), owner), ownerToken);
        assertError(unknown, 404, "NOT_FOUND", "Booking not found");
        assertError(fx.post(BASE + "/book-slot", hold(bay, at(day, 13, 0), 60, booking, owner), otherToken), 404, "NOT_FOUND", "Booking not found");
        Api.Response mismatch = fx.post(BASE + "/book-slot", hold(bay, at(day, 13, 0), 60, booking, UUID.randomUUID()), ownerToken);
        assertError(mismatch, 400, "VALIDATION_ERROR", "customer_id does not match the booking");
        assertThat(mismatch.error().get("details").get("field").asString()).isEqualTo("customer_id");
        assertError(fx.post(BASE + "/book-slot", hold(UUID.randomUUID(), at(day, 13, 0), 60, booking, owner), ownerToken), 404, "NOT_FOUND", "Resource not found");
        Api.Response completed = fx.post(BASE + "/book-slot", hold(bay, at(day, 13, 0), 60, slotBookings.register(owner, "completed"), owner), ownerToken);
        assertError(completed, 422, "BUSINESS_RULE_VIOLATION", "Slots can only be held for pending or confirmed bookings");
        assertThat(completed.error().get("details").get("rule").asString()).isEqualTo("RG-SCH-013");
        UUID maintenance = fx.washBay(fx.name("hold-maint"), "standard");
        fx.patch("/api/v1/facilities/wash-bays/" + maintenance, "{\"status\":\"maintenance\"}", fx.admin());
        assertError(fx.post(BASE + "/book-slot", hold(maintenance, at(day, 13, 0), 60, booking, owner), ownerToken), 422, "BUSINESS_RULE_VIOLATION", "Resource is not active");
        assertError(fx.post(BASE + "/book-slot", hold(bay, at(day, 13, 0), 20, booking, owner), ownerToken), 400, "VALIDATION_ERROR", "Time slot must be at least 30 minutes");
        Api.Response soon = fx.post(BASE + "/book-slot", hold(bay, Instant.now().plus(Duration.ofMinutes(90)), 60, booking, owner), ownerToken);
        assertError(soon, 400, "VALIDATION_ERROR", "Booking must be scheduled at least 2 hours in advance");
        assertThat(soon.error().get("details").get("field").asString()).isEqualTo("start_time");
        assertError(fx.post(BASE + "/book-slot", hold(bay, Instant.now().plus(Duration.ofDays(91)), 60, booking, owner), ownerToken), 400, "VALIDATION_ERROR", "Cannot schedule more than 90 days in advance");
        Api.Response late = fx.post(BASE + "/book-slot", hold(bay, at(day, 17, 30), 60, booking, owner), ownerToken);
        assertError(late, 422, "BUSINESS_RULE_VIOLATION", "Requested time is outside business hours");
        assertThat(late.error().get("details").get("rule").asString()).isEqualTo("RG-SCH-016");
        assertValidation(fx.post(BASE + "/book-slot", "{\"resource_id\":\"nope\",\"start_time\":\"" + at(day, 13, 0) + "\",\"duration_minutes\":60,\"customer_id\":\"" + owner + "\"}", ownerToken),
                "body -> resource_id", "uuid_invalid");
        assertThat(fx.count("SELECT count(*) FROM reservations WHERE resource_id IN (?, ?)", bay, maintenance)).isZero();

        Api.Response held = fx.post(BASE + "/book-slot", hold(bay, at(day, 13, 0), 60, booking, owner), ownerToken);
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        assertThat(held.json().get("success").asBoolean()).isTrue();
        assertThat(held.json().get("resource_id").asString()).isEqualTo(bay.toString());
        assertThat(instant(held.json().get("confirmed_time"))).isEqualTo(at(day, 13, 0));
        assertThat(held.json().get("message").asString()).isEqualTo("Slot booked successfully");
        UUID slot = UUID.fromString(held.json().get("slot_id").asString());
        Map<String, Object> row = jdbc.sql("SELECT kind, booking_id, customer_id, created_by, active, resource_type, blocked_until - ends_at AS buffer FROM reservations WHERE id = ?")
                .param(slot).query().singleRow();
        assertThat(row).containsEntry("kind", "hold").containsEntry("booking_id", booking).containsEntry("customer_id", owner)
                .containsEntry("created_by", owner).containsEntry("active", true).containsEntry("resource_type", "wash_bay");
        assertThat(row.get("buffer").toString()).contains("15");

        Api.Response taken = fx.post(BASE + "/book-slot", hold(bay, at(day, 13, 30), 60, slotBookings.register(owner, "confirmed"), owner), fx.manager());
        assertError(taken, 409, "CONFLICT", "Time slot is not available");
        JsonNode alternatives = taken.error().get("details").get("alternatives");
        assertThat(alternatives.size()).isEqualTo(5);
        alternatives.forEach(a -> assertThat(a.get("resource_id").asString()).isEqualTo(bay.toString()));
        assertThat(instant(alternatives.get(0).get("suggested_time"))).isIn(at(day, 12, 0), at(day, 14, 30));

        UUID staffHold = UUID.fromString(fx.post(BASE + "/book-slot", hold(bay, at(day, 15, 0), 60, booking, owner), fx.washer()).json().get("slot_id").asString());

        assertError(fx.delete(BASE + "/book-slot/" + slot, otherToken), 404, "NOT_FOUND", "Slot not found");
        Api.Response released = fx.delete(BASE + "/book-slot/" + slot, ownerToken);
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.json().get("message").asString()).isEqualTo("Slot released successfully");
        Map<String, Object> after = jdbc.sql("SELECT active, released_at FROM reservations WHERE id = ?").param(slot).query().singleRow();
        assertThat(after.get("active")).isEqualTo(false);
        assertThat(after.get("released_at")).isNotNull();
        assertThat(fx.delete(BASE + "/book-slot/" + slot, ownerToken).status()).isEqualTo(404);
        assertThat(fx.delete(BASE + "/book-slot/not-a-uuid", ownerToken).status()).isEqualTo(404);
        assertThat(fx.delete(BASE + "/book-slot/" + staffHold, fx.manager()).status()).isEqualTo(200);
        assertThat(fx.api().request("DELETE", BASE + "/book-slot/" + staffHold, null).send().status()).isEqualTo(401);
    }

    @Test
    void aBookingsOwnReservationIsNotASlotAndHoldsRespectDailyCapacity() {
        UUID owner = fx.user("cap-owner", "client");
        double lat = CapacityFixture.round4(-20 - Math.random());
        double lon = CapacityFixture.round4(20 + Math.random() * 10);
        UUID team = fx.mobileTeam(fx.name("hold-team"), lat, lon, "5", 1);
        LocalDate day = wednesday(2);
        UUID booking = slotBookings.register(owner, "confirmed");
        Allocation allocated = tx.execute(s -> allocation.allocateMobileTeam(booking, owner, owner, lat, lon, at(day, 9, 0), 60));
        assertThat(allocated).isInstanceOf(Allocation.Allocated.class);
        UUID reservation = ((Allocation.Allocated) allocated).reservationId();
        assertThat(fx.delete(BASE + "/book-slot/" + reservation, fx.admin()).status()).isEqualTo(404);

        Api.Response full = fx.post(BASE + "/book-slot", hold(team, at(day, 15, 0), 60, booking, owner), fx.admin());
        assertError(full, 409, "CONFLICT", "Time slot is not available");
        Api.Response nextDay = fx.post(BASE + "/book-slot", hold(team, at(day.plusDays(1), 15, 0), 60, booking, owner), fx.admin());
        assertThat(nextDay.status()).as(nextDay.body()).isEqualTo(201);
    }

    // ---- the allocation facade (05 BOK-6, BOK-7, BOK-12, BOK-18) -------------------------------------------

    @Test
    void reallocationKeepsTheCurrentResourceAndReleaseFreesEverything() {
        UUID owner = fx.user("realloc", "client");
        double lat = CapacityFixture.round4(30 + Math.random());
        double lon = CapacityFixture.round4(160 + Math.random() * 10);
        UUID near = fx.mobileTeam(fx.name("near-team"), lat, lon, "20", 8);
        UUID far = fx.mobileTeam(fx.name("far-team"), CapacityFixture.round4(lat + 0.05), lon, "20", 8);
        LocalDate day = wednesday(3);
        UUID b1 = UUID.randomUUID();
        UUID b2 = UUID.randomUUID();
        UUID b3 = UUID.randomUUID();

        Allocation first = tx.execute(s -> allocation.allocateMobileTeam(b1, owner, owner, CapacityFixture.round4(lat + 0.06), lon, at(day, 10, 0), 60));
        assertThat(((Allocation.Allocated) first).resourceId()).isEqualTo(far);
        // rescheduled: the current team is kept although the other one is now nearer
        Allocation moved = tx.execute(s -> allocation.allocateMobileTeam(b1, owner, owner, lat, lon, at(day, 12, 0), 60));
        assertThat(((Allocation.Allocated) moved).resourceId()).isEqualTo(far);
        assertThat(fx.count("SELECT count(*) FROM reservations WHERE booking_id = ? AND active", b1)).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM reservations WHERE booking_id = ? AND NOT active AND released_at IS NOT NULL", b1)).isEqualTo(1);

        Allocation second = tx.execute(s -> allocation.allocateMobileTeam(b2, owner, owner, lat, lon, at(day, 12, 0), 60));
        assertThat(((Allocation.Allocated) second).resourceId()).isEqualTo(near);
        Allocation third = tx.execute(s -> allocation.allocateMobileTeam(b3, owner, owner, lat, lon, at(day, 14, 0), 60));
        assertThat(((Allocation.Allocated) third).resourceId()).isEqualTo(near);
        // b3 moved onto 12:00 where both teams are taken: nothing free, b3 keeps its 14:00 reservation
        Allocation blocked = tx.execute(s -> allocation.allocateMobileTeam(b3, owner, owner, lat, lon, at(day, 12, 0), 60));
        assertThat(blocked).isInstanceOf(Allocation.NoneFree.class);
        assertThat(((Allocation.NoneFree) blocked).alternatives()).isNotEmpty()
                .allMatch(a -> a.resourceType() == ResourceType.MOBILE_TEAM && a.durationMinutes() == 60);
        assertThat(fx.count("SELECT count(*) FROM reservations WHERE booking_id = ? AND active AND starts_at = ?", b3,
                at(day, 14, 0).atOffset(ZoneOffset.UTC))).isEqualTo(1);

        // the booking ends: its reservation and its holds go
        slotBookings.register(owner, "pending");
        jdbc.sql("""
                INSERT INTO reservations (id, resource_id, resource_type, kind, booking_id, customer_id, starts_at, ends_at, blocked_until, active, created_by, created_at)
                VALUES (?, ?, 'wash_bay', 'hold', ?, ?, ?, ?, ?, true, ?, now())""")
                .params(UUID.randomUUID(), UUID.randomUUID(), b1, owner, at(day, 8, 0).atOffset(ZoneOffset.UTC), at(day, 9, 0).atOffset(ZoneOffset.UTC),
                        at(day, 9, 15).atOffset(ZoneOffset.UTC), owner).update();
        tx.executeWithoutResult(s -> allocation.releaseBooking(b1));
        assertThat(fx.count("SELECT count(*) FROM reservations WHERE booking_id = ? AND active", b1)).isZero();
        Allocation reuse = tx.execute(s -> allocation.allocateMobileTeam(UUID.randomUUID(), owner, owner, CapacityFixture.round4(lat + 0.06), lon, at(day, 12, 0), 60));
        assertThat(((Allocation.Allocated) reuse).resourceId()).isEqualTo(far);
    }

    @Test
    void washBayAllocationTakesTheSmallestSufficientFreeBay() {
        // oversized vehicles only fit oversized bays; ours is the first free one at this unusual slot unless another exists
        UUID owner = fx.user("wb-alloc", "client");
        LocalDate day = wednesday(4);
        UUID bay = fx.washBay(fx.name("alloc-xl"), "oversized");
        Allocation allocated = tx.execute(s -> allocation.allocateWashBay(UUID.randomUUID(), owner, owner,
                com.blingauto.shared.VehicleSize.OVERSIZED, at(day, 16, 30), 45));
        assertThat(allocated).isInstanceOf(Allocation.Allocated.class);
        UUID resource = ((Allocation.Allocated) allocated).resourceId();
        Map<String, Object> row = jdbc.sql("SELECT resource_id, resource_type, kind, ends_at - starts_at AS length FROM reservations WHERE id = ?")
                .param(((Allocation.Allocated) allocated).reservationId()).query().singleRow();
        assertThat(row).containsEntry("resource_id", resource).containsEntry("resource_type", "wash_bay").containsEntry("kind", "booking");
        assertThat(row.get("length").toString()).contains("45");
        assertThat(jdbc.sql("SELECT max_vehicle_size FROM wash_bays WHERE id = ?").param(resource).query(String.class).single()).isEqualTo("oversized");
        assertThat(bay).isNotNull();
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpointsInSnakeCase() {
        Api.Response r = fx.api().get("/openapi.json").send();
        assertThat(r.status()).isEqualTo(200);
        JsonNode paths = r.json().get("paths");
        assertThat(paths.has("/api/v1/scheduling/book-slot/{slot_id}")).isTrue();
        assertThat(paths.has("/api/v1/facilities/wash-bays/{wash_bay_id}")).isTrue();
        assertThat(r.body()).contains("\"time_difference_hours\"", "\"max_vehicle_size\"", "\"is_closed\"")
                .doesNotContain("\"timeDifferenceHours\"", "\"maxVehicleSize\"", "\"bayNumber\"");
    }
}
