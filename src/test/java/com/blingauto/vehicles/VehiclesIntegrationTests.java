package com.blingauto.vehicles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.blingauto.shared.BusinessRuleViolationException;
import com.blingauto.shared.CurrentUser;
import com.blingauto.shared.Role;
import com.blingauto.shared.VehicleSize;
import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import com.blingauto.vehicles.VehicleFixture.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Spec 02 over real HTTP: every endpoint, VEH-1 to VEH-7, roles and client isolation, with the database effect. */
@IntegrationTest
class VehiclesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    VehicleService service;
    @Autowired
    VehicleRepository repository;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Clock clock;
    Api api;
    VehicleFixture fx;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fx = new VehicleFixture(api, jdbc);
    }

    private static void assertError(Api.Response r, int status, String code, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.error().get("code").asString()).isEqualTo(code);
        assertThat(r.error().get("message").asString()).isEqualTo(message);
    }

    private static void assertRule(Api.Response r, String rule, String message) {
        assertError(r, 422, "BUSINESS_RULE_VIOLATION", message);
        assertThat(r.error().get("details").get("rule").asString()).isEqualTo(rule);
    }

    private static void assertNotFound(Api.Response r, Object id) {
        assertError(r, 404, "NOT_FOUND", "Vehicle not found");
        assertThat(r.error().get("details").get("identifier").asString()).isEqualTo(id.toString());
    }

    private static void assertPlateTaken(Api.Response r, String plate) {
        assertError(r, 409, "CONFLICT", "License plate '" + plate + "' is already registered for this customer");
        assertThat(r.error().get("details").get("field").asString()).isEqualTo("license_plate");
    }

    private Map<String, Object> row(UUID id) {
        return jdbc.sql("SELECT * FROM vehicles WHERE id = ?").param(id).query().singleRow();
    }

    private long defaults(Caller c) {
        return fx.count("SELECT count(*) FROM vehicles WHERE customer_id = ? AND is_default AND NOT is_deleted", c.id());
    }

    private static UUID id(JsonNode vehicle) {
        return UUID.fromString(vehicle.get("id").asString());
    }

    // ---------------------------------------------------------------- E2 create

    @Test
    void createNormalisesAndTheFirstVehicleBecomesDefaultWhateverIsDefaultSays() {
        Caller c = fx.client("create");
        String suffix = UUID.randomUUID().toString().substring(0, 4);
        Api.Response r = fx.create(c, """
                {"make":"  toyota ","model":"camry hybrid","year":2022,"color":"PEARL white",
                 "license_plate":" ab-12 %s ","vehicle_size":" LARGE ","is_default":false}""".formatted(suffix));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode v = r.json();
        String plate = "AB-12 " + suffix.toUpperCase();
        assertThat(v.get("customer_id").asString()).isEqualTo(c.id().toString());
        assertThat(v.get("make").asString()).isEqualTo("Toyota");
        assertThat(v.get("model").asString()).isEqualTo("Camry Hybrid");
        assertThat(v.get("year").asInt()).isEqualTo(2022);
        assertThat(v.get("color").asString()).isEqualTo("Pearl White");
        assertThat(v.get("license_plate").asString()).isEqualTo(plate);
        assertThat(v.get("vehicle_size").asString()).isEqualTo("large");
        assertThat(v.get("is_default").asBoolean()).isTrue();
        assertThat(v.get("is_deleted").asBoolean()).isFalse();
        assertThat(v.get("display_name").asString()).isEqualTo("2022 Toyota Camry Hybrid");
        assertThat(v.get("deleted_at").isNull()).isTrue();
        assertThat(Instant.parse(v.get("created_at").asString())).isEqualTo(Instant.parse(v.get("updated_at").asString()));
        assertThat(v.propertyNames()).containsExactlyInAnyOrder("id", "customer_id", "make", "model", "year", "color",
                "license_plate", "vehicle_size", "is_default", "is_deleted", "display_name", "created_at", "updated_at", "deleted_at");

        Map<String, Object> row = row(id(v));
        assertThat(row.get("customer_id")).isEqualTo(c.id());
        assertThat(row.get("make")).isEqualTo("Toyota");
        assertThat(row.get("license_plate")).isEqualTo(plate);
        assertThat(row.get("vehicle_size")).isEqualTo("large");
        assertThat(row.get("is_default")).isEqualTo(true);
        assertThat(row.get("is_deleted")).isEqualTo(false);
        assertThat(row.get("version")).isEqualTo(0L);
    }

    @Test
    void laterVehiclesAreNotDefaultUnlessAskedAndAskingMovesTheDefault() {
        Caller c = fx.client("defaults");
        JsonNode first = fx.vehicle(c, fx.plate("D1"));
        Api.Response second = fx.create(c, VehicleFixture.body("honda", "civic", 2020, "red", fx.plate("D2")));
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("is_default").asBoolean()).isFalse();
        assertThat(second.json().get("vehicle_size").asString()).isEqualTo("standard");

        Api.Response third = fx.create(c, """
                {"make":"Kia","model":"Rio","year":2021,"color":"Gray","license_plate":"%s","is_default":true}""".formatted(fx.plate("D3")));
        assertThat(third.status()).as(third.body()).isEqualTo(201);
        assertThat(third.json().get("is_default").asBoolean()).isTrue();
        assertThat(row(id(first)).get("is_default")).isEqualTo(false);
        assertThat(row(id(first)).get("version")).isEqualTo(1L);
        assertThat(defaults(c)).isEqualTo(1);
        assertThat(fx.get(c, id(first)).json().get("is_default").asBoolean()).isFalse();
    }

    @Test
    void aCustomerCannotHoldTwoVehiclesWithTheSamePlateButOthersAndDeletedOnesDoNotCount() {
        Caller c = fx.client("plates");
        Caller other = fx.client("plates-other");
        String plate = fx.plate("PL").toUpperCase();
        JsonNode first = fx.vehicle(c, plate);

        Api.Response duplicate = fx.create(c, VehicleFixture.body("Ford", "Focus", 2019, "Black", "  " + plate.toLowerCase() + " "));
        assertPlateTaken(duplicate, plate);
        assertThat(fx.vehiclesOf(c)).isEqualTo(1);

        assertThat(fx.create(other, VehicleFixture.body("Ford", "Focus", 2019, "Black", plate)).status()).isEqualTo(201);

        assertThat(fx.delete(c, id(first)).status()).isEqualTo(204);
        Api.Response again = fx.create(c, VehicleFixture.body("Ford", "Focus", 2019, "Black", plate.toLowerCase()));
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("is_default").asBoolean()).as("the only non-deleted vehicle").isTrue();
        assertThat(fx.count("SELECT count(*) FROM vehicles WHERE customer_id = ? AND license_plate = ?", c.id(), plate)).isEqualTo(2);
    }

    @Test
    void concurrentFirstVehiclesProduceExactlyOneDefault() throws Exception {
        Caller c = fx.client("race-first");
        List<Api.Response> answers = race(8, i -> fx.create(c, VehicleFixture.body("Mazda", "Cx" + i, 2020, "White", fx.plate("R" + i))));
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
        assertThat(answers.stream().filter(r -> r.json().get("is_default").asBoolean()).count()).isEqualTo(1);
        assertThat(defaults(c)).isEqualTo(1);
    }

    @Test
    void concurrentDefaultRequestsLeaveExactlyOneDefault() throws Exception {
        Caller c = fx.client("race-default");
        fx.vehicle(c, fx.plate("R0"));
        List<Api.Response> answers = race(6, i -> fx.create(c, """
                {"make":"Audi","model":"A%d","year":2020,"color":"Gray","license_plate":"%s","is_default":true}""".formatted(i, fx.plate("R" + i))));
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(201));
        assertThat(defaults(c)).isEqualTo(1);
        List<UUID> ids = new ArrayList<>();
        answers.forEach(r -> ids.add(id(r.json())));
        List<Api.Response> switches = race(ids.size(), i -> fx.setDefault(c, ids.get(i)));
        assertThat(switches).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
        assertThat(defaults(c)).isEqualTo(1);
    }

    @Test
    void concurrentRegistrationsOfOnePlateKeepOne() throws Exception {
        Caller c = fx.client("race-plate");
        String plate = fx.plate("SAME").toUpperCase();
        List<Api.Response> answers = race(6, i -> fx.create(c, VehicleFixture.body("Opel", "Astra", 2018, "Green", plate)));
        assertThat(answers.stream().filter(r -> r.status() == 201).count()).isEqualTo(1);
        answers.stream().filter(r -> r.status() != 201).forEach(r -> assertPlateTaken(r, plate));
        assertThat(fx.vehiclesOf(c)).isEqualTo(1);
    }

    private interface Request {
        Api.Response send(int i);
    }

    private static List<Api.Response> race(int n, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Api.Response>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                calls.add(() -> request.send(index));
            }
            List<Api.Response> out = new ArrayList<>();
            for (Future<Api.Response> f : pool.invokeAll(calls)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- E1 list

    @Test
    void theListShowsTheCallersNonDeletedVehiclesDefaultFirstWithTheTrueTotal() {
        Caller c = fx.client("list");
        Caller stranger = fx.client("list-other");
        fx.vehicle(stranger, fx.plate("X"));
        UUID a = fx.vehicleId(c, fx.plate("A"));
        UUID b = fx.vehicleId(c, fx.plate("B"));
        UUID d = fx.vehicleId(c, fx.plate("C"));
        UUID e = fx.vehicleId(c, fx.plate("E"));
        assertThat(fx.setDefault(c, d).status()).isEqualTo(200);
        assertThat(fx.delete(c, b).status()).isEqualTo(204);

        Api.Response all = fx.list(c, "");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        JsonNode body = all.json();
        assertThat(body.get("vehicles").findValuesAsString("id")).containsExactly(d.toString(), a.toString(), e.toString());
        assertThat(body.get("total_count").asInt()).isEqualTo(3);
        assertThat(body.get("page").asInt()).isEqualTo(1);
        assertThat(body.get("limit").asInt()).isEqualTo(20);
        assertThat(body.get("has_next").asBoolean()).isFalse();
        assertThat(body.get("default_vehicle_id").asString()).isEqualTo(d.toString());
        JsonNode item = body.get("vehicles").get(0);
        assertThat(item.propertyNames()).containsExactlyInAnyOrder("id", "make", "model", "year", "color", "license_plate",
                "vehicle_size", "is_default", "is_deleted", "display_name", "created_at");
        assertThat(item.get("is_default").asBoolean()).isTrue();
        assertThat(item.get("display_name").asString()).isEqualTo("2022 Toyota Camry");

        JsonNode page1 = fx.list(c, "?page=1&limit=2").json();
        assertThat(page1.get("vehicles").findValuesAsString("id")).containsExactly(d.toString(), a.toString());
        assertThat(page1.get("has_next").asBoolean()).isTrue();
        assertThat(page1.get("total_count").asInt()).isEqualTo(3);
        JsonNode page2 = fx.list(c, "/?page=2&limit=2").json();
        assertThat(page2.get("vehicles").findValuesAsString("id")).containsExactly(e.toString());
        assertThat(page2.get("has_next").asBoolean()).isFalse();
        JsonNode past = fx.list(c, "?page=9&limit=2").json();
        assertThat(past.get("vehicles").size()).isZero();
        assertThat(past.get("total_count").asInt()).isEqualTo(3);
    }

    @Test
    void anAdminListsOnlyItsOwnVehiclesAndAnEmptyListHasNoDefault() {
        Caller admin = fx.user("list-admin", "admin");
        Caller c = fx.client("list-owner");
        fx.vehicle(c, fx.plate("O"));
        JsonNode empty = fx.list(admin, "").json();
        assertThat(empty.get("vehicles").size()).isZero();
        assertThat(empty.get("total_count").asInt()).isZero();
        assertThat(empty.get("default_vehicle_id").isNull()).isTrue();
        assertThat(empty.get("has_next").asBoolean()).isFalse();
    }

    // ---------------------------------------------------------------- E3 get, visibility

    @Test
    void aVehicleIsVisibleToItsOwnerAndAdminsOnly() {
        Caller owner = fx.client("get-owner");
        UUID id = fx.vehicleId(owner, fx.plate("G"));
        Api.Response mine = fx.get(owner, id);
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        assertThat(mine.json().get("id").asString()).isEqualTo(id.toString());
        assertThat(fx.get(fx.user("get-admin", "admin"), id).status()).isEqualTo(200);
        for (String role : List.of("client", "washer", "manager")) {
            Caller other = fx.user("get-" + role, role);
            assertNotFound(fx.get(other, id), id);
            assertNotFound(fx.put(other, id, "{\"make\":\"Hacked\"}"), id);
            assertNotFound(fx.delete(other, id), id);
            assertNotFound(fx.setDefault(other, id), id);
        }
        Map<String, Object> row = row(id);
        assertThat(row.get("make")).isEqualTo("Toyota");
        assertThat(row.get("is_deleted")).isEqualTo(false);
        assertThat(row.get("version")).isEqualTo(0L);
    }

    @Test
    void unknownAndMalformedIdsAre404() {
        Caller c = fx.client("get-unknown");
        UUID unknown = UUID.randomUUID();
        assertNotFound(fx.get(c, unknown), unknown);
        assertNotFound(fx.get(c, unknown.toString().toUpperCase()), unknown.toString().toUpperCase());
        assertNotFound(fx.get(c, "not-a-uuid"), "not-a-uuid");
        assertNotFound(fx.put(c, "not-a-uuid", "{}"), "not-a-uuid");
        assertNotFound(fx.delete(c, unknown), unknown);
        assertNotFound(fx.setDefault(c, "123"), "123");
    }

    @Test
    void everyEndpointNeedsAToken() {
        String id = UUID.randomUUID().toString();
        for (Api.Call call : List.of(api.get("/api/v1/vehicles"), api.post("/api/v1/vehicles", "{}"),
                api.get("/api/v1/vehicles/" + id), api.request("PUT", "/api/v1/vehicles/" + id, "{}"),
                api.request("DELETE", "/api/v1/vehicles/" + id, null), api.request("PUT", "/api/v1/vehicles/" + id + "/default", null))) {
            Api.Response r = call.send();
            assertError(r, 401, "UNAUTHORIZED", "Not authenticated");
            assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
    }

    @Test
    void staffRolesManageTheirOwnVehiclesLikeClients() {
        for (String role : List.of("washer", "manager", "admin")) {
            Caller staff = fx.user("own-" + role, role);
            JsonNode v = fx.vehicle(staff, fx.plate("S"));
            assertThat(v.get("customer_id").asString()).isEqualTo(staff.id().toString());
            assertThat(fx.list(staff, "").json().get("total_count").asInt()).isEqualTo(1);
            assertThat(fx.setDefault(staff, id(v)).status()).isEqualTo(200);
        }
    }

    // ---------------------------------------------------------------- E4 update

    @Test
    void updateChangesTheGivenFieldsNormalised() {
        Caller c = fx.client("update");
        JsonNode v = fx.vehicle(c, fx.plate("U"));
        String newPlate = fx.plate("nu");
        Api.Response r = fx.put(c, id(v), """
                {"model":"  corolla CROSS ","year":2024,"license_plate":" %s ","vehicle_size":"Oversized","is_default":false}""".formatted(newPlate));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode u = r.json();
        assertThat(u.get("make").asString()).isEqualTo("Toyota");
        assertThat(u.get("model").asString()).isEqualTo("Corolla Cross");
        assertThat(u.get("year").asInt()).isEqualTo(2024);
        assertThat(u.get("color").asString()).isEqualTo("Blue");
        assertThat(u.get("license_plate").asString()).isEqualTo(newPlate.toUpperCase());
        assertThat(u.get("vehicle_size").asString()).isEqualTo("oversized");
        assertThat(u.get("is_default").asBoolean()).as("is_default is not changed by E4").isTrue();
        assertThat(u.get("display_name").asString()).isEqualTo("2024 Toyota Corolla Cross");
        assertThat(Instant.parse(u.get("updated_at").asString())).isAfter(Instant.parse(v.get("updated_at").asString()));
        Map<String, Object> row = row(id(v));
        assertThat(row.get("model")).isEqualTo("Corolla Cross");
        assertThat(row.get("license_plate")).isEqualTo(newPlate.toUpperCase());
        assertThat(row.get("vehicle_size")).isEqualTo("oversized");
        assertThat(row.get("is_default")).isEqualTo(true);
        assertThat(row.get("version")).isEqualTo(1L);
    }

    @Test
    void anEmptyOrNullUpdateChangesNothing() {
        Caller c = fx.client("update-empty");
        JsonNode v = fx.vehicle(c, fx.plate("N"));
        for (String body : new String[] {"{}", null, "{\"make\":null,\"year\":null}"}) {
            Api.Response r = fx.put(c, id(v), body);
            assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(200);
            assertThat(r.json().get("make").asString()).isEqualTo("Toyota");
            assertThat(r.json().get("updated_at").asString()).isEqualTo(v.get("updated_at").asString());
        }
        Api.Response emptyJson = api.request("PUT", "/api/v1/vehicles/" + id(v), "").header("Content-Type", "application/json")
                .bearer(c.token()).send();
        assertThat(emptyJson.status()).as(emptyJson.body()).isEqualTo(200);
        assertThat(emptyJson.json().get("updated_at").asString()).isEqualTo(v.get("updated_at").asString());
        assertThat(row(id(v)).get("version")).isEqualTo(0L);
    }

    @Test
    void updateToAPlateTheCustomerAlreadyHoldsIs409ButKeepingOnesOwnPlateIsFine() {
        Caller c = fx.client("update-plate");
        String taken = fx.plate("T").toUpperCase();
        fx.vehicle(c, taken);
        JsonNode v = fx.vehicle(c, fx.plate("M"));
        assertPlateTaken(fx.put(c, id(v), "{\"license_plate\":\"" + taken.toLowerCase() + "\",\"make\":\"Nissan\"}"), taken);
        assertThat(row(id(v)).get("make")).isEqualTo("Toyota");
        Api.Response same = fx.put(c, id(v), "{\"license_plate\":\"" + v.get("license_plate").asString().toLowerCase() + "\"}");
        assertThat(same.status()).as(same.body()).isEqualTo(200);
    }

    @Test
    void aDeletedVehicleCannotBeUpdatedAndAnAdminMayUpdateAnyVehicle() {
        Caller c = fx.client("update-deleted");
        Caller admin = fx.user("update-admin", "admin");
        JsonNode v = fx.vehicle(c, fx.plate("Z"));
        Api.Response byAdmin = fx.put(admin, id(v), "{\"color\":\"dark green\"}");
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
        assertThat(byAdmin.json().get("color").asString()).isEqualTo("Dark Green");
        assertThat(byAdmin.json().get("customer_id").asString()).isEqualTo(c.id().toString());

        assertThat(fx.delete(c, id(v)).status()).isEqualTo(204);
        assertRule(fx.put(c, id(v), "{\"color\":\"red\"}"), "RG-VEH-005", "Cannot update a deleted vehicle");
        assertRule(fx.put(admin, id(v), "{}"), "RG-VEH-005", "Cannot update a deleted vehicle");
        assertThat(row(id(v)).get("color")).isEqualTo("Dark Green");
    }

    @Test
    void aStaleWriteOfTheAggregateIsRefused() {
        Caller c = fx.client("stale");
        UUID id = fx.vehicleId(c, fx.plate("V"));
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            Vehicle loaded = repository.findById(id).orElseThrow();
            jdbc.sql("UPDATE vehicles SET version = version + 1 WHERE id = ?").param(id).update();
            loaded.update("Stale", null, null, null, null, null, Instant.now());
            repository.flush();
        })).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(row(id).get("make")).isEqualTo("Toyota");
        assertThat(row(id).get("version")).isEqualTo(0L);
    }

    // ---------------------------------------------------------------- E5 delete

    @Test
    void deletionIsSoftAndTheVehicleStaysReadable() {
        Caller c = fx.client("delete");
        fx.vehicle(c, fx.plate("K"));
        JsonNode second = fx.vehicle(c, fx.plate("L"));
        Api.Response r = fx.delete(c, id(second));
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        Map<String, Object> row = row(id(second));
        assertThat(row.get("is_deleted")).isEqualTo(true);
        assertThat(row.get("deleted_at")).isNotNull();
        assertThat(row.get("is_default")).isEqualTo(false);

        JsonNode read = fx.get(c, id(second)).json();
        assertThat(read.get("is_deleted").asBoolean()).isTrue();
        assertThat(read.get("deleted_at").isNull()).isFalse();
        assertThat(fx.list(c, "").json().get("total_count").asInt()).isEqualTo(1);

        assertRule(fx.delete(c, id(second)), "RG-VEH-005", "Vehicle is already deleted");
        assertRule(fx.setDefault(c, id(second)), "RG-VEH-004", "Cannot set a deleted vehicle as default");
    }

    @Test
    void theDefaultCanOnlyBeDeletedWhenItIsTheLastVehicle() {
        Caller c = fx.client("delete-default");
        JsonNode first = fx.vehicle(c, fx.plate("F"));
        JsonNode second = fx.vehicle(c, fx.plate("S"));
        assertRule(fx.delete(c, id(first)), "RG-VEH-005", "Cannot delete the default vehicle while other vehicles exist");
        assertThat(row(id(first)).get("is_deleted")).isEqualTo(false);

        assertThat(fx.delete(c, id(second)).status()).isEqualTo(204);
        assertThat(fx.delete(c, id(first)).status()).isEqualTo(204);
        assertThat(row(id(first)).get("is_default")).isEqualTo(false);
        assertThat(defaults(c)).isZero();
        JsonNode list = fx.list(c, "").json();
        assertThat(list.get("total_count").asInt()).isZero();
        assertThat(list.get("default_vehicle_id").isNull()).isTrue();
        assertThat(fx.vehicle(c, fx.plate("N")).get("is_default").asBoolean()).isTrue();
    }

    @Test
    void anAdminMayDeleteAnyVehicle() {
        Caller c = fx.client("delete-by-admin");
        UUID id = fx.vehicleId(c, fx.plate("A"));
        assertThat(fx.delete(fx.user("delete-admin", "admin"), id).status()).isEqualTo(204);
        assertThat(row(id).get("is_deleted")).isEqualTo(true);
    }

    // ---------------------------------------------------------------- E6 set default

    @Test
    void setDefaultMovesTheFlagAndAnAlreadyDefaultVehicleIsReturnedUnchanged() {
        Caller c = fx.client("set-default");
        JsonNode first = fx.vehicle(c, fx.plate("P"));
        JsonNode second = fx.vehicle(c, fx.plate("Q"));
        Api.Response r = fx.setDefault(c, id(second));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("is_default").asBoolean()).isTrue();
        assertThat(row(id(second)).get("is_default")).isEqualTo(true);
        assertThat(row(id(first)).get("is_default")).isEqualTo(false);
        assertThat(defaults(c)).isEqualTo(1);

        Api.Response again = fx.setDefault(c, id(second));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("is_default").asBoolean()).isTrue();
        assertThat(again.json().get("updated_at").asString()).isEqualTo(r.json().get("updated_at").asString());
        assertThat(row(id(second)).get("version")).isEqualTo(1L);
        assertThat(fx.list(c, "").json().get("default_vehicle_id").asString()).isEqualTo(id(second).toString());
    }

    @Test
    void anAdminCannotSetTheDefaultOfSomeoneElsesVehicle() {
        Caller c = fx.client("set-default-owner");
        fx.vehicle(c, fx.plate("O"));
        JsonNode second = fx.vehicle(c, fx.plate("T"));
        assertRule(fx.setDefault(fx.user("set-default-admin", "admin"), id(second)), "RG-VEH-004",
                "Vehicle does not belong to this customer");
        assertThat(row(id(second)).get("is_default")).isEqualTo(false);
    }

    @Test
    void theOpenApiDocumentNamesTheWireFields() {
        Api.Response r = api.get("/openapi.json").send();
        assertThat(r.status()).isEqualTo(200);
        JsonNode paths = r.json().get("paths");
        assertThat(paths.has("/api/v1/vehicles")).isTrue();
        assertThat(paths.has("/api/v1/vehicles/{vehicle_id}/default")).isTrue();
        JsonNode schemas = r.json().get("components").get("schemas");
        List<String> vehicleFields = new ArrayList<>();
        schemas.properties().forEach(e -> {
            if (e.getKey().contains("VehicleResponse")) {
                e.getValue().get("properties").propertyNames().forEach(vehicleFields::add);
            }
        });
        assertThat(vehicleFields).containsExactlyInAnyOrder("id", "customer_id", "make", "model", "year", "color",
                "license_plate", "vehicle_size", "is_default", "is_deleted", "display_name", "created_at", "updated_at", "deleted_at");
    }

    // ---------------------------------------------------------------- VEH-5 active bookings
    // Bookings implement VehicleBookings later; until then these tests build the service with an answering
    // VehicleBookings (package-private constructor) instead of changing the shared context.

    private VehicleService serviceWith(VehicleBookings answer) {
        return new VehicleService(repository,
                new StaticListableBeanFactory(Map.of("vehicleBookings", answer)).getBeanProvider(VehicleBookings.class), clock);
    }

    private static CurrentUser owner(Caller c) {
        return new CurrentUser(c.id(), "owner@vehicles.test", Role.CLIENT, "token-id", Instant.now().plusSeconds(600));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aVehicleWithActiveBookingsCannotBeDeleted() {
        Caller c = fx.client("booked");
        UUID busy = fx.vehicleId(c, fx.plate("BK"));
        UUID free = fx.vehicleId(c, fx.plate("FR"));
        VehicleService withBookings = serviceWith(busy::equals);
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> withBookings.delete(owner(c), busy.toString())))
                .isInstanceOf(BusinessRuleViolationException.class).hasMessage("Cannot delete a vehicle with active bookings")
                .extracting(e -> ((BusinessRuleViolationException) e).details().get("rule")).isEqualTo("RG-VEH-005");
        assertThat(row(busy).get("is_deleted")).isEqualTo(false);
        tx.executeWithoutResult(s -> withBookings.delete(owner(c), free.toString()));
        assertThat(row(free).get("is_deleted")).isEqualTo(true);
    }

    @Test
    void aDeletionWaitsForTheBookingThatHoldsTheVehicleAndThenSeesIt() throws Exception {
        Caller c = fx.client("booking-first");
        UUID id = fx.vehicleId(c, fx.plate("BF"));
        AtomicBoolean booked = new AtomicBoolean();
        CountDownLatch held = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> booking = pool.submit(() -> tx.executeWithoutResult(s -> {
                assertThat(service.lockForBooking(id).orElseThrow().deleted()).isFalse();
                held.countDown();
                sleep(700);
                booked.set(true);
            }));
            held.await();
            assertThatThrownBy(() -> tx.executeWithoutResult(s -> serviceWith(v -> booked.get()).delete(owner(c), id.toString())))
                    .hasMessage("Cannot delete a vehicle with active bookings");
            booking.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(row(id).get("is_deleted")).isEqualTo(false);
    }

    @Test
    void aBookingWaitsForTheDeletionThatHoldsTheVehicleAndThenSeesItDeleted() throws Exception {
        Caller c = fx.client("delete-first");
        UUID id = fx.vehicleId(c, fx.plate("DF"));
        CountDownLatch held = new CountDownLatch(1);
        VehicleService slowAnswer = serviceWith(v -> {
            held.countDown();
            sleep(700);
            return false;
        });
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> deletion = pool.submit(() -> tx.executeWithoutResult(s -> slowAnswer.delete(owner(c), id.toString())));
            held.await();
            VehicleSnapshot seen = tx.execute(s -> service.lockForBooking(id).orElseThrow());
            assertThat(seen.deleted()).isTrue();
            deletion.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(row(id).get("is_deleted")).isEqualTo(true);
    }

    // ---------------------------------------------------------------- VEH-7 bookings' view

    @Test
    void bookingsReadTheStoredVehicleDeletedOrNot() {
        Caller c = fx.client("snapshot");
        UUID id = UUID.fromString(fx.create(c, """
                {"make":"vw","model":"golf","year":2019,"color":"silver","license_plate":"%s","vehicle_size":"compact"}"""
                .formatted(fx.plate("s"))).json().get("id").asString());
        VehicleSnapshot snapshot = service.findForBooking(id).orElseThrow();
        assertThat(snapshot.customerId()).isEqualTo(c.id());
        assertThat(snapshot.make()).isEqualTo("Vw");
        assertThat(snapshot.vehicleSize()).isEqualTo(VehicleSize.COMPACT);
        assertThat(snapshot.deleted()).isFalse();
        assertThat(snapshot.displayName()).isEqualTo("2019 Vw Golf");
        assertThat(fx.delete(c, id).status()).isEqualTo(204);
        assertThat(service.findForBooking(id).orElseThrow().deleted()).isTrue();
        assertThat(service.findForBooking(UUID.randomUUID())).isEmpty();
    }
}
