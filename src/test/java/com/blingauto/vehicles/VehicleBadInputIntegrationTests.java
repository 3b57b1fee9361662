package com.blingauto.vehicles;

import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import com.blingauto.support.TestClock;
import com.blingauto.vehicles.VehicleFixture.Caller;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Bad input to spec 02 endpoints: a 4xx envelope naming every fault, and nothing written. */
@IntegrationTest
class VehicleBadInputIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    Api api;
    VehicleFixture fx;
    Caller caller;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fx = new VehicleFixture(api, jdbc);
        caller = fx.client("bad-input");
    }

    private int maxYear() {
        return clock.instant().atZone(ZoneOffset.UTC).getYear() + 2;
    }

    private static JsonNode validationErrors(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.error().get("code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(r.error().get("message").asString()).isEqualTo("Request validation failed");
        return r.error().get("details").get("validation_errors");
    }

    private static JsonNode only(Api.Response r, String field, String type) {
        JsonNode errors = validationErrors(r);
        assertThat(errors.size()).as(r.body()).isEqualTo(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo(field);
        assertThat(errors.get(0).get("type").asString()).as(r.body()).isEqualTo(type);
        return errors.get(0);
    }

    private Api.Response create(String json) {
        return fx.create(caller, json);
    }

    private static String valid(String field, String rawJsonValue) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of(
                "make", "\"Toyota\"", "model", "\"Camry\"", "year", "2022", "color", "\"Blue\"",
                "license_plate", "\"" + UUID.randomUUID().toString().substring(0, 8) + "\""));
        if (rawJsonValue == null) {
            fields.remove(field);
        } else {
            fields.put(field, rawJsonValue);
        }
        StringBuilder out = new StringBuilder("{");
        fields.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
        return out.append('}').toString();
    }

    @Test
    void missingAndNullRequiredFieldsAreAllReportedTogether() {
        JsonNode errors = validationErrors(create("{\"make\":null}"));
        assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder(
                "body -> make", "body -> model", "body -> year", "body -> color", "body -> license_plate");
        assertThat(errors.findValuesAsString("type")).containsOnly("missing");
        only(create(valid("license_plate", null)), "body -> license_plate", "missing");
        assertThat(fx.vehiclesOf(caller)).isZero();
    }

    @Test
    void stringLimitsApplyAfterTrimming() {
        record Case(String field, String value, String type) {
        }
        List<Case> cases = List.of(
                new Case("make", "   ", "string_too_short"),
                new Case("make", " a ", "string_too_short"),
                new Case("make", "m".repeat(51), "string_too_long"),
                new Case("model", "", "string_too_short"),
                new Case("model", "   ", "string_too_short"),
                new Case("model", "m".repeat(51), "string_too_long"),
                new Case("color", "r", "string_too_short"),
                new Case("color", "c".repeat(31), "string_too_long"),
                new Case("license_plate", " x ", "string_too_short"),
                new Case("license_plate", "P".repeat(21), "string_too_long"));
        for (Case c : cases) {
            only(create(valid(c.field(), "\"" + c.value() + "\"")), "body -> " + c.field(), c.type());
        }
        assertThat(fx.vehiclesOf(caller)).isZero();

        Api.Response edges = create("""
                {"make":"  %s  ","model":" m ","year":2022,"color":"  %s ","license_plate":" %s "}"""
                .formatted("k".repeat(50), "c".repeat(30), "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 19)));
        assertThat(edges.status()).as(edges.body()).isEqualTo(201);
        assertThat(edges.json().get("make").asString()).isEqualTo("K" + "k".repeat(49));
        assertThat(edges.json().get("model").asString()).isEqualTo("M");
        assertThat(edges.json().get("license_plate").asString()).hasSize(20);
        assertThat(fx.vehiclesOf(caller)).isEqualTo(1);
    }

    @Test
    void theYearIsBetween1900AndTwoYearsAfterTheCurrentUtcYear() {
        only(create(valid("year", "1899")), "body -> year", "too_small");
        int max = maxYear();
        JsonNode tooLate = only(create(valid("year", Integer.toString(max + 1))), "body -> year", "value_error");
        assertThat(tooLate.get("message").asString()).isEqualTo("Year cannot be more than 2 years in the future (max: " + max + ")");
        assertThat(fx.vehiclesOf(caller)).isZero();

        assertThat(create(valid("year", "1900")).status()).isEqualTo(201);
        assertThat(create(valid("year", Integer.toString(max))).status()).isEqualTo(201);
        assertThat(fx.vehiclesOf(caller)).isEqualTo(2);
    }

    @Test
    void wrongJsonTypesAre422() {
        only(create(valid("year", "\"2020\"")), "body -> year", "type_invalid");
        only(create(valid("year", "2020.5")), "body -> year", "type_invalid");
        only(create(valid("make", "42")), "body -> make", "type_invalid");
        only(create(valid("is_default", "\"yes\"")), "body -> is_default", "type_invalid");
        only(create(valid("is_default", "1")), "body -> is_default", "type_invalid");
        JsonNode size = only(create(valid("vehicle_size", "\"huge\"")), "body -> vehicle_size", "enum");
        assertThat(size.get("message").asString()).isEqualTo("Value must be one of: compact, standard, large, oversized");
        assertThat(fx.vehiclesOf(caller)).isZero();
    }

    @Test
    void malformedBodiesAndWrongMediaTypes() {
        for (String body : new String[] {"{\"make\": ", "[]", "\"text\"", "not json"}) {
            JsonNode error = only(create(body), "body", "json_invalid");
            assertThat(error.get("message").asString()).isEqualTo("Malformed JSON body");
        }
        Api.Response text = api.request("POST", "/api/v1/vehicles", valid("make", "\"Toyota\""))
                .header("Content-Type", "text/plain").bearer(caller.token()).send();
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.error().get("code").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        Api.Response none = api.request("POST", "/api/v1/vehicles", null)
                .header("Content-Type", "application/json").bearer(caller.token()).send();
        assertThat(none.status()).isEqualTo(422);
        assertThat(fx.vehiclesOf(caller)).isZero();
    }

    @Test
    void badUpdatesChangeNothing() {
        JsonNode v = fx.vehicle(caller, fx.plate("B"));
        Object id = v.get("id").asString();
        JsonNode errors = validationErrors(fx.put(caller, id, """
                {"make":" ","model":"%s","year":1800,"color":"c","license_plate":"%s","vehicle_size":"tiny"}"""
                .formatted("m".repeat(51), "p".repeat(21))));
        assertThat(errors.size()).isGreaterThanOrEqualTo(1);
        JsonNode shapeErrors = validationErrors(fx.put(caller, id, """
                {"make":" ","model":"%s","year":1800,"color":"c","license_plate":"%s"}""".formatted("m".repeat(51), "p".repeat(21))));
        assertThat(shapeErrors.findValuesAsString("field")).containsExactlyInAnyOrder(
                "body -> make", "body -> model", "body -> year", "body -> color", "body -> license_plate");
        only(fx.put(caller, id, "{\"year\":" + (maxYear() + 1) + "}"), "body -> year", "value_error");
        only(fx.put(caller, id, "[1]"), "body", "json_invalid");
        Map<String, Object> row = jdbc.sql("SELECT * FROM vehicles WHERE id = ?").param(UUID.fromString(id.toString())).query().singleRow();
        assertThat(row.get("make")).isEqualTo("Toyota");
        assertThat(row.get("year")).isEqualTo(2022);
        assertThat(row.get("version")).isEqualTo(0L);
    }

    @Test
    void listParametersOutsideTheirRangeAre422() {
        only(fx.list(caller, "?page=0"), "query -> page", "too_small");
        only(fx.list(caller, "?limit=0"), "query -> limit", "too_small");
        only(fx.list(caller, "?limit=101"), "query -> limit", "too_large");
        only(fx.list(caller, "?page=abc"), "query -> page", "type_invalid");
        Api.Response ok = fx.list(caller, "?limit=100&unknown=1");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("limit").asInt()).isEqualTo(100);
    }

    @Test
    void unknownKeysAreIgnored() {
        Api.Response r = create(valid("owner_id", "\"" + UUID.randomUUID() + "\"").replace("}", ",\"customer_id\":\"" + UUID.randomUUID() + "\"}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("customer_id").asString()).isEqualTo(caller.id().toString());
    }
}
