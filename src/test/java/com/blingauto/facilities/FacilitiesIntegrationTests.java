package com.blingauto.facilities;

import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Spec 06 E1–E8: wash bays and mobile teams over HTTP, with their database effects. */
@IntegrationTest
class FacilitiesIntegrationTests {

    static final String BAYS = "/api/v1/facilities/wash-bays";
    static final String TEAMS = "/api/v1/facilities/mobile-teams";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    CapacityFixture fx;

    @BeforeEach
    void setUp() {
        fx = new CapacityFixture(new Api(port), jdbc);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }

    private static void assertValidation(Api.Response r, String field, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.error().get("code").asString()).isEqualTo("VALIDATION_ERROR");
        List<String> fields = new ArrayList<>();
        r.error().get("details").get("validation_errors").forEach(e -> fields.add(e.get("field").asString() + "/" + e.get("type").asString()));
        assertThat(fields).as(r.body()).contains(field + "/" + type);
    }

    // ---- E1 ------------------------------------------------------------------------------------------------

    @Test
    void createsAnActiveWashBayWithTrimmedNumberDedupedEquipmentAndLocation() {
        String number = fx.name("Bay A");
        Api.Response r = fx.post(BAYS, """
                {"bay_number":"  %s ","max_vehicle_size":"LARGE","equipment_types":[" foam ","wax","foam"],
                 "latitude":40.7128,"longitude":"-74.006"}""".formatted(number), fx.manager());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode json = r.json();
        UUID id = UUID.fromString(json.get("id").asString());
        assertThat(json.get("bay_number").asString()).isEqualTo(number);
        assertThat(json.get("max_vehicle_size").asString()).isEqualTo("large");
        assertThat(texts(json.get("equipment_types"))).containsExactly("foam", "wax");
        assertThat(json.get("status").asString()).isEqualTo("active");
        assertThat(json.get("location").get("latitude").asDouble()).isEqualTo(40.7128);
        assertThat(json.get("location").get("longitude").asDouble()).isEqualTo(-74.006);
        assertThat(json.get("location").get("latitude").isNumber()).isTrue();
        assertThat(json.get("created_at").asString()).endsWith("Z");
        assertThat(json.has("updated_at")).isTrue();

        Map<String, Object> row = jdbc.sql("SELECT bay_number, max_vehicle_size, status, location_latitude, deleted_at FROM wash_bays WHERE id = ?")
                .param(id).query().singleRow();
        assertThat(row).containsEntry("bay_number", number).containsEntry("max_vehicle_size", "large").containsEntry("status", "active");
        assertThat((BigDecimal) row.get("location_latitude")).isEqualByComparingTo("40.7128");
        assertThat(row.get("deleted_at")).isNull();
    }

    @Test
    void aBayWithoutCoordinatesHasANullLocationAndNoEquipment() {
        Api.Response r = fx.post(BAYS, "{\"bay_number\":\"" + fx.name("plain") + "\",\"max_vehicle_size\":\"compact\"}", fx.admin());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("location").isNull()).isTrue();
        assertThat(r.json().get("equipment_types").size()).isZero();
    }

    @Test
    void aTakenBayNumberIgnoringCaseIsAConflictUntilTheBayIsDeleted() {
        String number = fx.name("dup-bay");
        UUID first = fx.washBay(number, "standard");
        Api.Response r = fx.post(BAYS, "{\"bay_number\":\"" + number.toUpperCase() + "\",\"max_vehicle_size\":\"standard\"}", fx.admin());
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.error().get("code").asString()).isEqualTo("CONFLICT");
        assertThat(r.error().get("message").asString()).isEqualTo("Wash bay '" + number.toUpperCase() + "' already exists");
        assertThat(r.error().get("details").get("field").asString()).isEqualTo("bay_number");
        assertThat(fx.count("SELECT count(*) FROM wash_bays WHERE lower(bay_number) = lower(?)", number)).isEqualTo(1);

        assertThat(fx.delete(BAYS + "/" + first, fx.admin()).status()).isEqualTo(200);
        assertThat(fx.post(BAYS, "{\"bay_number\":\"" + number + "\",\"max_vehicle_size\":\"standard\"}", fx.admin()).status()).isEqualTo(201);
    }

    @Test
    void badWashBayInputIsAValidationErrorAndWritesNothing() {
        String number = fx.name("bad");
        assertValidation(fx.post(BAYS, "{\"max_vehicle_size\":\"large\"}", fx.admin()), "body -> bay_number", "missing");
        assertValidation(fx.post(BAYS, "{\"bay_number\":\"   \",\"max_vehicle_size\":\"large\"}", fx.admin()), "body -> bay_number", "string_too_short");
        assertValidation(fx.post(BAYS, "{\"bay_number\":\"" + "x".repeat(51) + "\",\"max_vehicle_size\":\"large\"}", fx.admin()), "body -> bay_number", "string_too_long");
        Api.Response size = fx.post(BAYS, "{\"bay_number\":\"" + number + "\",\"max_vehicle_size\":\"huge\"}", fx.admin());
        assertValidation(size, "body -> max_vehicle_size", "enum");
        assertThat(size.body()).contains("Value must be one of: compact, standard, large, oversized");
        assertValidation(fx.post(BAYS, "{\"bay_number\":\"" + number + "\",\"max_vehicle_size\":\"large\",\"latitude\":91,\"longitude\":0}", fx.admin()), "body -> latitude", "too_large");
        assertValidation(fx.post(BAYS, "{\"bay_number\":\"" + number + "\",\"max_vehicle_size\":\"large\",\"latitude\":1.123456789,\"longitude\":0}", fx.admin()), "body -> latitude", "decimal_places");
        Api.Response pair = fx.post(BAYS, "{\"bay_number\":\"" + number + "\",\"max_vehicle_size\":\"large\",\"latitude\":10}", fx.admin());
        assertValidation(pair, "body -> longitude", "value_error");
        assertThat(pair.body()).contains("latitude and longitude must be given together");
        assertValidation(fx.post(BAYS, "{\"bay_number\":\"" + number + "\",\"max_vehicle_size\":\"large\",\"equipment_types\":[\"ok\",\" \"]}", fx.admin()), "body -> equipment_types -> 1", "string_too_short");
        assertValidation(fx.post(BAYS, "{\"bay_number\":\"" + number + "\",\"max_vehicle_size\":\"large\",\"equipment_types\":[\"" + "e".repeat(101) + "\"]}", fx.admin()), "body -> equipment_types -> 0", "string_too_long");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add("\"t" + i + "\"");
        }
        assertValidation(fx.post(BAYS, "{\"bay_number\":\"" + number + "\",\"max_vehicle_size\":\"large\",\"equipment_types\":[" + String.join(",", many) + "]}", fx.admin()), "body -> equipment_types", "list_too_long");
        assertValidation(fx.post(BAYS, "{\"bay_number\":", fx.admin()), "body", "json_invalid");
        assertThat(fx.count("SELECT count(*) FROM wash_bays WHERE bay_number = ?", number)).isZero();
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        String emoji = "\uD83D\uDE97".repeat(40) + fx.run;
        Api.Response r = fx.post(BAYS, "{\"bay_number\":\"" + emoji + "\",\"max_vehicle_size\":\"standard\"}", fx.admin());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("bay_number").asString()).isEqualTo(emoji);
        assertValidation(fx.post(BAYS, "{\"bay_number\":\"" + emoji + "\uD83D\uDE97".repeat(3) + "\",\"max_vehicle_size\":\"standard\"}", fx.admin()),
                "body -> bay_number", "string_too_long");
    }

    @Test
    void onlyAdminsAndManagersCreateBays() {
        String body = "{\"bay_number\":\"" + fx.name("roles") + "\",\"max_vehicle_size\":\"large\"}";
        Api.Response washer = fx.post(BAYS, body, fx.washer());
        assertThat(washer.status()).isEqualTo(403);
        assertThat(washer.error().get("message").asString()).isEqualTo("Requires one of: admin, manager");
        assertThat(fx.post(BAYS, body, fx.client()).status()).isEqualTo(403);
        Api.Response anonymous = fx.api().post(BAYS, body).send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.error().get("code").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(fx.count("SELECT count(*) FROM wash_bays WHERE bay_number = ?", fx.name("roles"))).isZero();
    }

    // ---- E2 ------------------------------------------------------------------------------------------------

    @Test
    void listsLiveBaysInNumberOrderWithCountsOverAllLiveBays() {
        UUID b = fx.washBay(fx.name("list-b"), "large");
        UUID a = fx.washBay(fx.name("List-a"), "compact");
        UUID c = fx.washBay(fx.name("list-c"), "standard");
        assertThat(fx.patch(BAYS + "/" + c, "{\"status\":\"maintenance\"}", fx.admin()).status()).isEqualTo(200);
        UUID gone = fx.washBay(fx.name("list-d"), "large");
        assertThat(fx.delete(BAYS + "/" + gone, fx.admin()).status()).isEqualTo(200);

        Api.Response r = fx.get(BAYS, fx.washer());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode json = r.json();
        List<String> ids = new ArrayList<>();
        json.get("wash_bays").forEach(n -> ids.add(n.get("id").asString()));
        assertThat(ids).contains(a.toString(), b.toString(), c.toString()).doesNotContain(gone.toString());
        assertThat(ids.indexOf(a.toString())).isLessThan(ids.indexOf(b.toString()));
        assertThat(ids.indexOf(b.toString())).isLessThan(ids.indexOf(c.toString()));
        assertThat(json.get("total_count").asInt()).isEqualTo(ids.size());
        assertThat(json.get("active_count").asLong()).isEqualTo(fx.count("SELECT count(*) FROM wash_bays WHERE deleted_at IS NULL AND status = 'active'"));
        assertThat(json.get("maintenance_count").asLong()).isEqualTo(fx.count("SELECT count(*) FROM wash_bays WHERE deleted_at IS NULL AND status = 'maintenance'"));
        assertThat(json.get("inactive_count").asLong()).isEqualTo(fx.count("SELECT count(*) FROM wash_bays WHERE deleted_at IS NULL AND status = 'inactive'"));

        JsonNode maintenance = fx.get(BAYS + "?status=MAINTENANCE", fx.manager()).json();
        maintenance.get("wash_bays").forEach(n -> assertThat(n.get("status").asString()).isEqualTo("maintenance"));
        assertThat(maintenance.get("wash_bays").toString()).contains(c.toString());
        assertThat(maintenance.get("active_count").asLong()).isEqualTo(json.get("active_count").asLong());

        JsonNode inactive = fx.get(BAYS + "?include_inactive=true&status=inactive", fx.admin()).json();
        assertThat(inactive.get("wash_bays").toString()).contains(gone.toString());
        inactive.get("wash_bays").forEach(n -> assertThat(n.get("status").asString()).isEqualTo("inactive"));
    }

    @Test
    void anUnknownStatusFilterIsAValidationError() {
        Api.Response r = fx.get(BAYS + "?status=broken", fx.admin());
        assertValidation(r, "query -> status", "enum");
        assertThat(r.body()).contains("Invalid status: broken. Must be one of: active, inactive, maintenance");
        assertValidation(fx.get(TEAMS + "?status=broken", fx.admin()), "query -> status", "enum");
        Api.Response client = fx.get(BAYS, fx.client());
        assertThat(client.status()).isEqualTo(403);
        assertThat(client.error().get("message").asString()).isEqualTo("Requires one of: admin, manager, washer");
    }

    // ---- E3, E4 --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"active,active", "maintenance,maintenance", "inactive,maintenance", "INACTIVE,maintenance"})
    void washBayStatusChangesFollowFac3(String requested, String stored) {
        UUID id = fx.washBay(fx.name("status-" + requested), "standard");
        if (!requested.equals("active")) {
            Api.Response r = fx.patch(BAYS + "/" + id, "{\"status\":\"" + requested + "\"}", fx.manager());
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("status").asString()).isEqualTo(stored);
        }
        assertThat(jdbc.sql("SELECT status FROM wash_bays WHERE id = ?").param(id).query(String.class).single()).isEqualTo(stored);
    }

    @Test
    void patchChangesOnlyTheGivenFields() {
        UUID id = fx.washBay(fx.name("patch"), "standard", "foam");
        String renamed = fx.name("patched");
        Api.Response r = fx.patch(BAYS + "/" + id, "{\"bay_number\":\" " + renamed + " \",\"max_vehicle_size\":\"oversized\",\"latitude\":1.5,\"longitude\":2.25}", fx.admin());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("bay_number").asString()).isEqualTo(renamed);
        assertThat(r.json().get("max_vehicle_size").asString()).isEqualTo("oversized");
        assertThat(texts(r.json().get("equipment_types"))).containsExactly("foam");
        assertThat(r.json().get("location").get("longitude").asDouble()).isEqualTo(2.25);
        Map<String, Object> row = jdbc.sql("SELECT bay_number, max_vehicle_size, status FROM wash_bays WHERE id = ?").param(id).query().singleRow();
        assertThat(row).containsEntry("bay_number", renamed).containsEntry("max_vehicle_size", "oversized").containsEntry("status", "active");

        Api.Response empty = fx.api().request("PATCH", BAYS + "/" + id, null).bearer(fx.admin()).send();
        assertThat(empty.status()).as(empty.body()).isEqualTo(200);
        assertThat(empty.json().get("bay_number").asString()).isEqualTo(renamed);
        Api.Response equipment = fx.patch(BAYS + "/" + id, "{\"equipment_types\":[]}", fx.admin());
        assertThat(equipment.json().get("equipment_types").size()).isZero();
    }

    @Test
    void patchErrors() {
        UUID id = fx.washBay(fx.name("patch-err"), "standard");
        String other = fx.name("patch-other");
        fx.washBay(other, "standard");
        Api.Response taken = fx.patch(BAYS + "/" + id, "{\"bay_number\":\"" + other.toUpperCase() + "\"}", fx.admin());
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.error().get("details").get("field").asString()).isEqualTo("bay_number");
        assertThat(fx.patch(BAYS + "/" + id, "{\"bay_number\":\"" + fx.name("PATCH-ERR") + "\"}", fx.admin()).status()).isEqualTo(200);

        Api.Response unknown = fx.patch(BAYS + "/" + UUID.randomUUID(), "{}", fx.admin());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error().get("message").asString()).isEqualTo("Wash bay not found");
        Api.Response malformed = fx.patch(BAYS + "/not-a-uuid", "{}", fx.admin());
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.error().get("details").get("identifier").asString()).isEqualTo("not-a-uuid");
        assertValidation(fx.patch(BAYS + "/" + id, "{\"latitude\":5}", fx.admin()), "body -> longitude", "value_error");
        assertValidation(fx.patch(BAYS + "/" + id, "{\"bay_number\":\"\"}", fx.admin()), "body -> bay_number", "string_too_short");
        assertValidation(fx.patch(BAYS + "/" + id, "{\"status\":\"gone\"}", fx.admin()), "body -> status", "enum");
        assertThat(fx.patch(BAYS + "/" + id, "{\"status\":\"maintenance\"}", fx.washer()).status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT status FROM wash_bays WHERE id = ?").param(id).query(String.class).single()).isEqualTo("active");
    }

    @Test
    void deleteIsSoftAndOnlyForAdmins() {
        String number = fx.name("del");
        UUID id = fx.washBay(number, "standard");
        Api.Response manager = fx.delete(BAYS + "/" + id, fx.manager());
        assertThat(manager.status()).isEqualTo(403);
        assertThat(manager.error().get("message").asString()).isEqualTo("Requires one of: admin");

        Api.Response r = fx.delete(BAYS + "/" + id, fx.admin());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("id").asString()).isEqualTo(id.toString());
        assertThat(r.json().get("bay_number").asString()).isEqualTo(number);
        assertThat(r.json().get("deleted").asBoolean()).isTrue();
        assertThat(r.json().get("message").asString()).isEqualTo("Wash bay '" + number + "' has been deactivated");
        Map<String, Object> row = jdbc.sql("SELECT status, deleted_at FROM wash_bays WHERE id = ?").param(id).query().singleRow();
        assertThat(row.get("status")).isEqualTo("inactive");
        assertThat(row.get("deleted_at")).isNotNull();

        assertThat(fx.delete(BAYS + "/" + id, fx.admin()).status()).isEqualTo(404);
        assertThat(fx.patch(BAYS + "/" + id, "{}", fx.admin()).status()).isEqualTo(404);
    }

    @Test
    void aResourceWithAnActiveReservationEndingLaterCannotBeDeleted() {
        String number = fx.name("held");
        UUID bay = fx.washBay(number, "standard");
        UUID team = fx.mobileTeam(fx.name("held-team"), 10, 10, "20", 4);
        for (UUID resource : List.of(bay, team)) {
            jdbc.sql("""
                    INSERT INTO reservations (id, resource_id, resource_type, kind, booking_id, customer_id, starts_at, ends_at, blocked_until, active, created_by, created_at)
                    VALUES (?, ?, ?, 'booking', ?, ?, now() + interval '1 day', now() + interval '1 day 1 hour', now() + interval '1 day 75 minutes', true, ?, now())""")
                    .params(UUID.randomUUID(), resource, resource.equals(bay) ? "wash_bay" : "mobile_team", UUID.randomUUID(),
                            UUID.randomUUID(), UUID.randomUUID()).update();
        }
        Api.Response r = fx.delete(BAYS + "/" + bay, fx.admin());
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.error().get("code").asString()).isEqualTo("BUSINESS_RULE_VIOLATION");
        assertThat(r.error().get("message").asString()).isEqualTo("Wash bay '" + number + "' has active bookings");
        assertThat(r.error().get("details").get("rule").asString()).isEqualTo("RG-FAC-008");
        Api.Response t = fx.delete(TEAMS + "/" + team, fx.admin());
        assertThat(t.status()).isEqualTo(422);
        assertThat(t.error().get("message").asString()).isEqualTo("Mobile team '" + fx.name("held-team") + "' has active bookings");
        assertThat(fx.count("SELECT count(*) FROM wash_bays WHERE id = ? AND deleted_at IS NULL", bay)).isEqualTo(1);

        // released or past reservations do not hold the resource
        jdbc.sql("UPDATE reservations SET active = false, released_at = now() WHERE resource_id IN (?, ?)").params(bay, team).update();
        jdbc.sql("""
                INSERT INTO reservations (id, resource_id, resource_type, kind, booking_id, customer_id, starts_at, ends_at, blocked_until, active, created_by, created_at)
                VALUES (?, ?, 'wash_bay', 'booking', ?, ?, now() - interval '1 day', now() - interval '23 hours', now() - interval '22 hours 45 minutes', true, ?, now())""")
                .params(UUID.randomUUID(), bay, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()).update();
        assertThat(fx.delete(BAYS + "/" + bay, fx.admin()).status()).isEqualTo(200);
        assertThat(fx.delete(TEAMS + "/" + team, fx.admin()).status()).isEqualTo(200);
    }

    // ---- E5–E8 ---------------------------------------------------------------------------------------------

    @Test
    void createsAMobileTeamWithDefaults() {
        String name = fx.name("Team One");
        Api.Response r = fx.post(TEAMS, "{\"team_name\":\" " + name + " \",\"base_latitude\":48.8566,\"base_longitude\":2.3522}", fx.manager());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode json = r.json();
        assertThat(json.get("team_name").asString()).isEqualTo(name);
        assertThat(json.get("base_location").get("latitude").asDouble()).isEqualTo(48.8566);
        assertThat(json.get("base_location").get("longitude").asDouble()).isEqualTo(2.3522);
        assertThat(json.get("service_radius_km").isString()).isTrue();
        assertThat(json.get("service_radius_km").asString()).isEqualTo("50.00");
        assertThat(json.get("daily_capacity").asInt()).isEqualTo(8);
        assertThat(json.get("status").asString()).isEqualTo("active");
        assertThat(json.get("equipment_types").size()).isZero();
        UUID id = UUID.fromString(json.get("id").asString());
        Map<String, Object> row = jdbc.sql("SELECT team_name, service_radius_km, daily_capacity, status FROM mobile_teams WHERE id = ?").param(id).query().singleRow();
        assertThat(row).containsEntry("team_name", name).containsEntry("daily_capacity", 8).containsEntry("status", "active");
        assertThat((BigDecimal) row.get("service_radius_km")).isEqualByComparingTo("50");

        Api.Response custom = fx.post(TEAMS, "{\"team_name\":\"" + fx.name("Team Two") + "\",\"base_latitude\":1,\"base_longitude\":2,\"service_radius_km\":12.5,\"daily_capacity\":3,\"equipment_types\":[\"vac\",\"vac\"]}", fx.admin());
        assertThat(custom.status()).as(custom.body()).isEqualTo(201);
        assertThat(custom.json().get("service_radius_km").asString()).isEqualTo("12.50");
        assertThat(custom.json().get("daily_capacity").asInt()).isEqualTo(3);
        assertThat(texts(custom.json().get("equipment_types"))).containsExactly("vac");
    }

    @Test
    void badMobileTeamInputIsAValidationErrorAndWritesNothing() {
        String name = fx.name("bad-team");
        assertValidation(fx.post(TEAMS, "{\"team_name\":\"" + name + "\",\"base_longitude\":2}", fx.admin()), "body -> base_latitude", "missing");
        assertValidation(fx.post(TEAMS, "{\"team_name\":\"" + name + "\",\"base_latitude\":1,\"base_longitude\":181}", fx.admin()), "body -> base_longitude", "too_large");
        assertValidation(fx.post(TEAMS, "{\"team_name\":\"" + name + "\",\"base_latitude\":1,\"base_longitude\":1,\"service_radius_km\":0}", fx.admin()), "body -> service_radius_km", "too_small");
        assertValidation(fx.post(TEAMS, "{\"team_name\":\"" + name + "\",\"base_latitude\":1,\"base_longitude\":1,\"service_radius_km\":10000}", fx.admin()), "body -> service_radius_km", "too_large");
        assertValidation(fx.post(TEAMS, "{\"team_name\":\"" + name + "\",\"base_latitude\":1,\"base_longitude\":1,\"service_radius_km\":1.234}", fx.admin()), "body -> service_radius_km", "decimal_places");
        assertValidation(fx.post(TEAMS, "{\"team_name\":\"" + name + "\",\"base_latitude\":1,\"base_longitude\":1,\"daily_capacity\":0}", fx.admin()), "body -> daily_capacity", "too_small");
        assertValidation(fx.post(TEAMS, "{\"team_name\":\"" + name + "\",\"base_latitude\":1,\"base_longitude\":1,\"daily_capacity\":1001}", fx.admin()), "body -> daily_capacity", "too_large");
        assertValidation(fx.post(TEAMS, "{\"team_name\":\"" + name + "\",\"base_latitude\":1,\"base_longitude\":1,\"daily_capacity\":\"3\"}", fx.admin()), "body -> daily_capacity", "type_invalid");
        assertValidation(fx.post(TEAMS, "{\"team_name\":\"" + "n".repeat(101) + "\",\"base_latitude\":1,\"base_longitude\":1}", fx.admin()), "body -> team_name", "string_too_long");
        assertThat(fx.count("SELECT count(*) FROM mobile_teams WHERE team_name = ?", name)).isZero();
        assertThat(fx.post(TEAMS, "{\"team_name\":\"" + name + "\",\"base_latitude\":1,\"base_longitude\":1}", fx.washer()).status()).isEqualTo(403);
    }

    @Test
    void mobileTeamNamesAreUniqueIgnoringCase() {
        String name = fx.name("Crew");
        fx.mobileTeam(name, 1, 1, "10", 2);
        Api.Response r = fx.post(TEAMS, "{\"team_name\":\"" + name.toLowerCase() + "\",\"base_latitude\":1,\"base_longitude\":1}", fx.admin());
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.error().get("message").asString()).isEqualTo("Mobile team '" + name.toLowerCase() + "' already exists");
        assertThat(r.error().get("details").get("field").asString()).isEqualTo("team_name");
    }

    @Test
    void listsPatchesAndDeletesMobileTeams() {
        UUID b = fx.mobileTeam(fx.name("team-b"), 1, 1, "10", 2);
        UUID a = fx.mobileTeam(fx.name("Team-a"), 1, 1, "10", 2, "vac");
        Api.Response maintenance = fx.patch(TEAMS + "/" + b, "{\"status\":\"maintenance\",\"service_radius_km\":\"7.5\",\"daily_capacity\":5,\"base_latitude\":3,\"base_longitude\":4}", fx.manager());
        assertThat(maintenance.status()).as(maintenance.body()).isEqualTo(200);
        assertThat(maintenance.json().get("status").asString()).isEqualTo("inactive");
        assertThat(maintenance.json().get("service_radius_km").asString()).isEqualTo("7.50");
        assertThat(maintenance.json().get("daily_capacity").asInt()).isEqualTo(5);
        assertThat(maintenance.json().get("base_location").get("latitude").asDouble()).isEqualTo(3.0);
        assertThat(texts(fx.patch(TEAMS + "/" + a, "{\"equipment_types\":[\"x\",\"y\"]}", fx.admin()).json().get("equipment_types"))).containsExactly("x", "y");
        assertThat(fx.patch(TEAMS + "/" + b, "{\"status\":\"ACTIVE\"}", fx.manager()).json().get("status").asString()).isEqualTo("active");
        assertThat(fx.patch(TEAMS + "/" + b, "{\"status\":\"inactive\"}", fx.manager()).json().get("status").asString()).isEqualTo("inactive");
        assertValidation(fx.patch(TEAMS + "/" + b, "{\"base_latitude\":3}", fx.manager()), "body -> base_longitude", "value_error");

        JsonNode list = fx.get(TEAMS, fx.washer()).json();
        List<String> ids = new ArrayList<>();
        list.get("mobile_teams").forEach(n -> ids.add(n.get("id").asString()));
        assertThat(ids.indexOf(a.toString())).isGreaterThanOrEqualTo(0).isLessThan(ids.indexOf(b.toString()));
        assertThat(list.get("total_count").asInt()).isEqualTo(ids.size());
        assertThat(list.get("active_count").asLong()).isEqualTo(fx.count("SELECT count(*) FROM mobile_teams WHERE deleted_at IS NULL AND status = 'active'"));
        assertThat(list.get("inactive_count").asLong()).isEqualTo(fx.count("SELECT count(*) FROM mobile_teams WHERE deleted_at IS NULL AND status = 'inactive'"));
        assertThat(list.has("maintenance_count")).isFalse();
        assertThat(fx.get(TEAMS + "?status=inactive", fx.admin()).json().get("mobile_teams").toString()).contains(b.toString()).doesNotContain(a.toString());

        Api.Response deleted = fx.delete(TEAMS + "/" + a, fx.admin());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().get("team_name").asString()).isEqualTo(fx.name("Team-a"));
        assertThat(deleted.json().get("message").asString()).isEqualTo("Mobile team '" + fx.name("Team-a") + "' has been deactivated");
        assertThat(fx.get(TEAMS, fx.admin()).json().get("mobile_teams").toString()).doesNotContain(a.toString());
        assertThat(fx.get(TEAMS + "?include_inactive=true", fx.admin()).json().get("mobile_teams").toString()).contains(a.toString());
        Api.Response again = fx.delete(TEAMS + "/" + a, fx.admin());
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.error().get("message").asString()).isEqualTo("Mobile team not found");
        assertThat(fx.delete(TEAMS + "/" + b, fx.manager()).status()).isEqualTo(403);
        assertThat(fx.patch(TEAMS + "/xyz", "{}", fx.admin()).status()).isEqualTo(404);
    }
}
