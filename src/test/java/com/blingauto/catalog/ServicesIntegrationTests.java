package com.blingauto.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Spec 03 E3–E10: services, their rules (SVC-3…SVC-12), listing, search, popular list. */
@IntegrationTest
class ServicesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CatalogCache cache;
    CatalogFixture fx;

    @BeforeEach
    void setUp() {
        fx = new CatalogFixture(new Api(port), jdbc, cache);
    }

    private static String servicesOf(UUID category) {
        return "/api/v1/services/categories/" + category + "/services";
    }

    private static void assertRule(Api.Response r, String rule, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.error().get("code").asString()).isEqualTo("BUSINESS_RULE_VIOLATION");
        assertThat(r.error().get("details").get("rule").asString()).isEqualTo(rule);
        assertThat(r.error().get("message").asString()).isEqualTo(message);
    }

    private static void assertShape(Api.Response r, String field, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.error().get("code").asString()).isEqualTo("VALIDATION_ERROR");
        JsonNode errors = r.error().get("details").get("validation_errors");
        List<String> seen = new ArrayList<>();
        errors.forEach(e -> seen.add(e.get("field").asString() + ":" + e.get("type").asString()));
        assertThat(seen).as(r.body()).contains(field + ":" + type);
    }

    // ------------------------------------------------------------------ E3 create

    @Test
    void aManagerCreatesAServiceWithDisplayStrings() {
        UUID category = fx.category();
        Api.Response r = fx.post(fx.manager(), servicesOf(category), """
                {"name":"  Deluxe Wash ","description":"<b>shiny</b>","price":45.9,"duration_minutes":90,"display_order":2}""");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode s = r.json();
        assertThat(s.get("name").asString()).isEqualTo("Deluxe Wash");
        assertThat(s.get("description").asString()).isEqualTo("<b>shiny</b>");
        assertThat(s.get("price").isString()).isTrue();
        assertThat(s.get("price").asString()).isEqualTo("45.90");
        assertThat(s.get("price_display").asString()).isEqualTo("$45.90");
        assertThat(s.get("duration_minutes").asInt()).isEqualTo(90);
        assertThat(s.get("duration_display").asString()).isEqualTo("1h 30m");
        assertThat(s.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(s.get("is_popular").asBoolean()).isFalse();
        assertThat(s.get("display_order").asInt()).isEqualTo(2);
        assertThat(s.get("category_id").asString()).isEqualTo(category.toString());
        UUID id = UUID.fromString(s.get("service_id").asString());
        assertThat(jdbc.sql("SELECT name || '|' || price || '|' || duration_minutes || '|' || status FROM services WHERE id = ?")
                .param(id).query(String.class).single()).isEqualTo("Deluxe Wash|45.90|90|ACTIVE");
    }

    @Test
    void serviceCreationChecksCategoryPriceAndDuration() {
        UUID category = fx.category();
        String path = servicesOf(category);
        String name = fx.unique("Checked");

        Api.Response unknown = fx.post(fx.admin(), servicesOf(UUID.randomUUID()), "{\"name\":\"x\",\"price\":10,\"duration_minutes\":30}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error().get("message").asString()).isEqualTo("Category not found");
        assertThat(fx.post(fx.admin(), "/api/v1/services/categories/not-a-uuid/services",
                "{\"name\":\"x\",\"price\":10,\"duration_minutes\":30}").status()).isEqualTo(404);

        Api.Response cap = fx.post(fx.admin(), path, "{\"name\":\"" + name + "\",\"price\":\"500.01\",\"duration_minutes\":30}");
        assertThat(cap.status()).as(cap.body()).isEqualTo(400);
        assertThat(cap.error().get("message").asString()).isEqualTo("Price cannot exceed $500.00 for standard services");
        assertThat(cap.error().get("details").get("field").asString()).isEqualTo("price");

        assertShape(fx.post(fx.admin(), path, "{\"name\":\"" + name + "\",\"price\":10000.01,\"duration_minutes\":30}"), "body -> price", "too_large");
        assertShape(fx.post(fx.admin(), path, "{\"name\":\"" + name + "\",\"price\":0,\"duration_minutes\":30}"), "body -> price", "too_small");
        Api.Response places = fx.post(fx.admin(), path, "{\"name\":\"" + name + "\",\"price\":\"1.234\",\"duration_minutes\":30}");
        assertShape(places, "body -> price", "decimal_places");
        assertThat(places.body()).contains("Price cannot have more than 2 decimal places");
        assertShape(fx.post(fx.admin(), path, "{\"name\":\"" + name + "\",\"price\":\"abc\",\"duration_minutes\":30}"), "body -> price", "type_invalid");
        Api.Response steps = fx.post(fx.admin(), path, "{\"name\":\"" + name + "\",\"price\":10,\"duration_minutes\":20}");
        assertShape(steps, "body -> duration_minutes", "value_error");
        assertThat(steps.body()).contains("Duration must be in 15-minute increments");
        assertShape(fx.post(fx.admin(), path, "{\"name\":\"" + name + "\",\"price\":10,\"duration_minutes\":0}"), "body -> duration_minutes", "too_small");
        assertShape(fx.post(fx.admin(), path, "{\"name\":\"" + name + "\",\"price\":10,\"duration_minutes\":495}"), "body -> duration_minutes", "too_large");
        Api.Response many = fx.post(fx.admin(), path, "{\"description\":\"d\"}");
        assertShape(many, "body -> name", "missing");
        assertShape(many, "body -> price", "missing");
        assertShape(many, "body -> duration_minutes", "missing");

        Api.Response client = fx.post(fx.client(), path, "{\"name\":\"" + name + "\",\"price\":10,\"duration_minutes\":30}");
        assertThat(client.status()).isEqualTo(403);
        assertThat(client.error().get("message").asString()).isEqualTo("Requires one of: admin, manager");
        assertThat(fx.count("SELECT count(*) FROM services WHERE category_id = ?", category)).isZero();
    }

    @Test
    void namesAreUniqueIgnoringCaseWithinACategoryAmongNonArchivedServices() {
        UUID category = fx.category();
        UUID other = fx.category();
        UUID first = fx.service(category, "Wax Polish");

        Api.Response dup = fx.post(fx.admin(), servicesOf(category), "{\"name\":\"WAX polish\",\"price\":10,\"duration_minutes\":30}");
        assertThat(dup.status()).as(dup.body()).isEqualTo(409);
        assertThat(dup.error().get("message").asString()).isEqualTo("Service name 'WAX polish' already exists in this category");
        assertThat(dup.error().get("details").get("field").asString()).isEqualTo("name");

        fx.service(other, "Wax Polish");
        fx.sql("UPDATE services SET status = 'INACTIVE' WHERE id = ?", first);
        assertThat(fx.post(fx.admin(), servicesOf(category), "{\"name\":\"Wax Polish\",\"price\":10,\"duration_minutes\":30}").status())
                .isEqualTo(409);
        fx.sql("UPDATE services SET status = 'ARCHIVED' WHERE id = ?", first);
        assertThat(fx.post(fx.admin(), servicesOf(category), "{\"name\":\"Wax Polish\",\"price\":10,\"duration_minutes\":30}").status())
                .isEqualTo(201);
        assertThat(fx.count("SELECT count(*) FROM services WHERE category_id = ? AND lower(name) = 'wax polish'", category)).isEqualTo(2);
    }

    @Test
    void noServiceIsAddedToAnInactiveCategory() {
        UUID category = fx.category();
        fx.sql("UPDATE categories SET status = 'INACTIVE' WHERE id = ?", category);
        assertRule(fx.post(fx.admin(), servicesOf(category), "{\"name\":\"Late\",\"price\":10,\"duration_minutes\":30}"),
                "RG-SVC-011", "Cannot add services to inactive category");
        assertThat(fx.count("SELECT count(*) FROM services WHERE category_id = ?", category)).isZero();
    }

    // ------------------------------------------------------------------ E9 popular

    @Test
    void aCategoryHasAtMostThreePopularServices() {
        UUID category = fx.category();
        fx.service(category, "P1", "10.00", 30, true);
        fx.service(category, "P2", "10.00", 30, true);
        UUID third = UUID.fromString(fx.service(category, "P3", "10.00", 30, true).get("service_id").asString());

        assertRule(fx.post(fx.admin(), servicesOf(category), "{\"name\":\"P4\",\"price\":10,\"duration_minutes\":30,\"is_popular\":true}"),
                "RG-SVC-006", "Category already has 3 popular services");
        UUID fourth = fx.service(category, "P4");
        String popular = "/api/v1/services/" + fourth + "/popular";
        assertRule(fx.patch(fx.manager(), popular, "{\"is_popular\":true}"), "RG-SVC-006", "Category already has 3 popular services");

        Api.Response again = fx.patch(fx.manager(), "/api/v1/services/" + third + "/popular", "{\"is_popular\":true}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("message").asString()).isEqualTo("Service is already popular");
        assertThat(again.json().get("category_popular_count").asInt()).isEqualTo(3);

        Api.Response off = fx.patch(fx.manager(), "/api/v1/services/" + third + "/popular", "{\"is_popular\":false}");
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.json().get("message").asString()).isEqualTo("Service 'P3' has been removed from popular");
        assertThat(off.json().get("is_popular").asBoolean()).isFalse();
        assertThat(off.json().get("category_popular_count").asInt()).isEqualTo(2);

        Api.Response on = fx.patch(fx.manager(), popular, "{\"is_popular\":true}");
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        assertThat(on.json().get("message").asString()).isEqualTo("Service 'P4' has been marked as popular");
        assertThat(on.json().get("name").asString()).isEqualTo("P4");
        assertThat(on.json().get("service_id").asString()).isEqualTo(fourth.toString());
        assertThat(on.json().get("category_popular_count").asInt()).isEqualTo(3);
        assertThat(fx.count("SELECT count(*) FROM services WHERE category_id = ? AND is_popular", category)).isEqualTo(3);

        Api.Response notAgain = fx.patch(fx.manager(), "/api/v1/services/" + third + "/popular", "{\"is_popular\":false}");
        assertThat(notAgain.json().get("message").asString()).isEqualTo("Service is already not popular");

        assertShape(fx.patch(fx.manager(), popular, "{}"), "body -> is_popular", "missing");
        assertShape(fx.patch(fx.manager(), popular, "{\"is_popular\":\"yes\"}"), "body -> is_popular", "type_invalid");
        assertThat(fx.patch(fx.client(), popular, "{\"is_popular\":false}").status()).isEqualTo(403);
        assertThat(fx.patch(fx.manager(), "/api/v1/services/" + UUID.randomUUID() + "/popular", "{\"is_popular\":true}").status())
                .isEqualTo(404);
    }

    @Test
    void onlyActiveServicesBecomePopular() {
        UUID category = fx.category();
        UUID service = fx.service(category, "Sleepy");
        fx.sql("UPDATE services SET status = 'INACTIVE' WHERE id = ?", service);
        assertRule(fx.patch(fx.manager(), "/api/v1/services/" + service + "/popular", "{\"is_popular\":true}"),
                "RG-SVC-006", "Only active services can be marked as popular");
        assertThat(fx.count("SELECT count(*) FROM services WHERE id = ? AND is_popular", service)).isZero();
    }

    @Test
    void thePopularLimitHoldsUnderConcurrency() throws Exception {
        UUID category = fx.category();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(fx.service(category, "Race " + i));
        }
        String token = fx.manager();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (UUID id : ids) {
            calls.add(() -> fx.patch(token, "/api/v1/services/" + id + "/popular", "{\"is_popular\":true}").status());
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        }
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 422).hasSize(5);
        assertThat(fx.count("SELECT count(*) FROM services WHERE category_id = ? AND is_popular", category)).isEqualTo(3);
    }

    // ------------------------------------------------------------------ E8 price

    @Test
    void priceChangeReportsTheChange() {
        UUID category = fx.category();
        UUID service = UUID.fromString(fx.service(category, "Reprice", "25.00", 30, false).get("service_id").asString());
        String path = "/api/v1/services/" + service + "/price";

        Api.Response r = fx.patch(fx.manager(), path, "{\"new_price\":\"30.00\",\"notify_customers\":true}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode c = r.json();
        assertThat(c.get("service_id").asString()).isEqualTo(service.toString());
        assertThat(c.get("old_price").asString()).isEqualTo("25.00");
        assertThat(c.get("new_price").asString()).isEqualTo("30.00");
        assertThat(c.get("price_change_percent").asString()).isEqualTo("20.00");
        assertThat(c.get("affected_future_bookings").asInt()).isZero();
        assertThat(c.get("customers_notified").asInt()).isZero();
        assertThat(c.get("price_display").asString()).isEqualTo("$30.00");
        assertThat(jdbc.sql("SELECT price::text FROM services WHERE id = ?").param(service).query(String.class).single()).isEqualTo("30.00");

        Api.Response down = fx.patch(fx.admin(), path, "{\"new_price\":20}");
        assertThat(down.json().get("price_change_percent").asString()).isEqualTo("-33.33");
        Api.Response same = fx.patch(fx.admin(), path, "{\"new_price\":20}");
        assertThat(same.json().get("price_change_percent").asString()).isEqualTo("0.00");

        Api.Response cap = fx.patch(fx.admin(), path, "{\"new_price\":600}");
        assertThat(cap.status()).isEqualTo(400);
        assertThat(cap.error().get("details").get("field").asString()).isEqualTo("new_price");
        assertShape(fx.patch(fx.admin(), path, "{\"new_price\":-1}"), "body -> new_price", "too_small");
        assertShape(fx.patch(fx.admin(), path, "{}"), "body -> new_price", "missing");
        assertThat(fx.patch(fx.client(), path, "{\"new_price\":10}").status()).isEqualTo(403);
        Api.Response missing = fx.patch(fx.admin(), "/api/v1/services/" + UUID.randomUUID() + "/price", "{\"new_price\":10}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT price::text FROM services WHERE id = ?").param(service).query(String.class).single()).isEqualTo("20.00");

        fx.sql("UPDATE services SET status = 'INACTIVE' WHERE id = ?", service);
        assertThat(fx.patch(fx.admin(), path, "{\"new_price\":22}").status()).isEqualTo(200);
        fx.sql("UPDATE services SET status = 'ARCHIVED' WHERE id = ?", service);
        assertRule(fx.patch(fx.admin(), path, "{\"new_price\":23}"), "RG-SVC-007", "Cannot change the price of an archived service");
        assertThat(jdbc.sql("SELECT price::text FROM services WHERE id = ?").param(service).query(String.class).single()).isEqualTo("22.00");
    }

    // ------------------------------------------------------------------ E10 deactivate

    @Test
    void anAdminDeactivatesAServiceWithAReason() {
        UUID category = fx.category();
        UUID service = UUID.fromString(fx.service(category, "Retired", "25.00", 30, true).get("service_id").asString());
        String path = "/api/v1/services/" + service;
        String reason = "Machine%20broken%20for%20good";

        assertThat(fx.delete(fx.manager(), path + "?reason=" + reason).status()).isEqualTo(403);
        assertShape(fx.delete(fx.admin(), path + "?reason=%20short%20%20%20%20"), "query -> reason", "string_too_short");
        assertShape(fx.delete(fx.admin(), path + "?reason=" + "r".repeat(501)), "query -> reason", "string_too_long");
        assertShape(fx.delete(fx.admin(), path), "query -> reason", "missing");
        assertThat(fx.count("SELECT count(*) FROM services WHERE id = ? AND status = 'ACTIVE'", service)).isEqualTo(1);

        Api.Response r = fx.delete(fx.admin(), path + "?reason=" + reason);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("message").asString()).isEqualTo("Service deactivated successfully");
        assertThat(jdbc.sql("""
                        SELECT s.status || '|' || s.is_popular || '|' || s.deactivation_reason || '|' || u.email
                          FROM services s JOIN users u ON u.id = s.deactivated_by WHERE s.id = ?""")
                .param(service).query(String.class).single()).isEqualTo("INACTIVE|false|Machine broken for good|" + fx.email("admin"));

        assertThat(fx.delete(fx.admin(), path + "?reason=" + reason).status()).isEqualTo(200);
        Api.Response read = fx.get(fx.client(), path);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("status").asString()).isEqualTo("INACTIVE");

        fx.sql("UPDATE services SET status = 'ARCHIVED' WHERE id = ?", service);
        assertRule(fx.delete(fx.admin(), path + "?reason=" + reason), "RG-SVC-010", "Archived services cannot be deactivated");
        assertThat(fx.delete(fx.admin(), "/api/v1/services/" + UUID.randomUUID() + "?reason=" + reason).status()).isEqualTo(404);
    }

    // ------------------------------------------------------------------ E7 read

    @Test
    void oneServiceIsReadByAnyRoleAndUnknownIdsAreNotFound() {
        UUID category = fx.category();
        UUID service = UUID.fromString(fx.service(category, "Quick", "9.50", 45, false).get("service_id").asString());
        Api.Response r = fx.get(fx.client(), "/api/v1/services/" + service.toString().toUpperCase());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("id").asString()).isEqualTo(service.toString());
        assertThat(r.json().get("price").asString()).isEqualTo("9.50");
        assertThat(r.json().get("duration_display").asString()).isEqualTo("45m");
        assertThat(r.json().has("display_order")).isTrue();

        UUID unknown = UUID.randomUUID();
        Api.Response missing = fx.get(fx.client(), "/api/v1/services/" + unknown);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error().get("message").asString()).isEqualTo("Service " + unknown + " not found");
        assertThat(missing.error().get("details").get("identifier").asString()).isEqualTo(unknown.toString());
        Api.Response malformed = fx.get(fx.client(), "/api/v1/services/nope");
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.error().get("message").asString()).isEqualTo("Service nope not found");
        assertThat(fx.api.get("/api/v1/services/" + service).send().status()).isEqualTo(401);
        assertThat(fx.post(fx.admin(), "/api/v1/services", "{}").status()).isEqualTo(405);
        assertThat(fx.get(fx.client(), "/api/v1/services/" + service + "/").json().get("id").asString()).isEqualTo(service.toString());
        assertThat(fx.get(fx.client(), "/api/v1/services/").status()).isEqualTo(200);
        assertThat(fx.get(fx.client(), "/api/v1/services/popular/").json().has("total_count")).isTrue();
        assertThat(fx.get(fx.client(), "/api/v1/services/categories/").json().has("categories")).isTrue();
    }

    // ------------------------------------------------------------------ E4 list

    @Test
    void theListCombinesEveryFilterWithExactTotals() {
        UUID category = fx.category();
        String base = "/api/v1/services?category_id=" + category;
        fx.service(category, "Alpha foam", "10.00", 30, true);
        fx.service(category, "beta shine", "20.00", 60, false);
        fx.service(category, "Gamma FOAM", "30.00", 90, false);
        UUID off = UUID.fromString(fx.service(category, "Delta", "40.00", 120, false).get("service_id").asString());
        fx.sql("UPDATE services SET status = 'INACTIVE', is_popular = false WHERE id = ?", off);

        JsonNode all = ok(base);
        assertThat(names(all)).containsExactly("Alpha foam", "beta shine", "Gamma FOAM");
        assertThat(all.get("total_count").asInt()).isEqualTo(3);
        assertThat(all.get("has_next").asBoolean()).isFalse();
        assertThat(all.get("page").asInt()).isEqualTo(1);
        assertThat(all.get("limit").asInt()).isEqualTo(20);
        JsonNode item = all.get("services").get(0);
        assertThat(item.get("category_name").asString()).startsWith("Category");
        assertThat(item.get("price").asString()).isEqualTo("10.00");
        assertThat(item.get("price_display").asString()).isEqualTo("$10.00");
        assertThat(item.get("duration_display").asString()).isEqualTo("30m");
        JsonNode filters = all.get("filters_applied");
        assertThat(filters.get("category").asBoolean()).isTrue();
        assertThat(filters.get("popular").asBoolean()).isFalse();
        assertThat(filters.get("include_inactive").asBoolean()).isFalse();

        assertThat(names(ok(base + "&include_inactive=true"))).containsExactly("Alpha foam", "beta shine", "Delta", "Gamma FOAM");
        assertThat(names(ok(base + "&is_popular=true"))).containsExactly("Alpha foam");
        JsonNode search = ok(base + "&search=%20foam%20");
        assertThat(names(search)).containsExactly("Alpha foam", "Gamma FOAM");
        assertThat(search.get("filters_applied").get("search").asBoolean()).isTrue();
        JsonNode price = ok(base + "&min_price=20&max_price=30.00");
        assertThat(names(price)).containsExactly("beta shine", "Gamma FOAM");
        assertThat(price.get("filters_applied").get("price_range").asBoolean()).isTrue();
        JsonNode duration = ok(base + "&min_duration=60&max_duration=60&include_inactive=1");
        assertThat(names(duration)).containsExactly("beta shine");
        assertThat(duration.get("filters_applied").get("duration_range").asBoolean()).isTrue();
        assertThat(names(ok(base + "&search=foam&max_price=15"))).containsExactly("Alpha foam");

        JsonNode page1 = ok(base + "&limit=2");
        assertThat(names(page1)).containsExactly("Alpha foam", "beta shine");
        assertThat(page1.get("has_next").asBoolean()).isTrue();
        assertThat(page1.get("total_count").asInt()).isEqualTo(3);
        JsonNode page2 = ok(base + "&limit=2&page=2");
        assertThat(names(page2)).containsExactly("Gamma FOAM");
        assertThat(page2.get("has_next").asBoolean()).isFalse();
        JsonNode past = ok(base + "&limit=2&page=9");
        assertThat(names(past)).isEmpty();
        assertThat(past.get("total_count").asInt()).isEqualTo(3);
    }

    @Test
    void theListRefusesBadQueries() {
        Api.Response range = fx.get(fx.client(), "/api/v1/services?min_price=10&max_price=5");
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.error().get("message").asString()).isEqualTo("min_price cannot exceed max_price");
        Api.Response durations = fx.get(fx.client(), "/api/v1/services?min_duration=60&max_duration=30");
        assertThat(durations.status()).isEqualTo(400);
        assertThat(durations.error().get("message").asString()).isEqualTo("min_duration cannot exceed max_duration");
        assertShape(fx.get(fx.client(), "/api/v1/services?limit=101"), "query -> limit", "too_large");
        assertShape(fx.get(fx.client(), "/api/v1/services?page=0"), "query -> page", "too_small");
        assertShape(fx.get(fx.client(), "/api/v1/services?category_id=nope"), "query -> category_id", "uuid_invalid");
        assertShape(fx.get(fx.client(), "/api/v1/services?min_price=-1"), "query -> min_price", "too_small");
        assertShape(fx.get(fx.client(), "/api/v1/services?min_price=abc"), "query -> min_price", "type_invalid");
        assertShape(fx.get(fx.client(), "/api/v1/services?min_duration=-1"), "query -> min_duration", "too_small");
        assertShape(fx.get(fx.client(), "/api/v1/services?search=%20%20"), "query -> search", "string_too_short");
        assertThat(fx.api.get("/api/v1/services").send().status()).isEqualTo(401);
    }

    // ------------------------------------------------------------------ E5, E6

    @Test
    void popularAndSearchListActiveServices() {
        UUID category = fx.category();
        String token = fx.unique("zq").replace(" ", "");
        fx.service(category, token + " b popular", "10.00", 30, true);
        fx.service(category, token + " A popular", "10.00", 30, true);
        UUID gone = UUID.fromString(fx.service(category, token + " c", "10.00", 30, false).get("service_id").asString());
        fx.sql("UPDATE services SET status = 'INACTIVE' WHERE id = ?", gone);

        JsonNode popular = ok("/api/v1/services/popular?limit=50");
        List<String> popularNames = names(popular);
        assertThat(popularNames).filteredOn(n -> n.startsWith(token)).containsExactly(token + " A popular", token + " b popular");
        assertThat(popular.get("total_count").asLong())
                .isEqualTo(fx.count("SELECT count(*) FROM services WHERE status = 'ACTIVE' AND is_popular"));
        popular.get("services").forEach(s -> assertThat(s.get("is_popular").asBoolean()).isTrue());
        assertShape(fx.get(fx.client(), "/api/v1/services/popular?limit=51"), "query -> limit", "too_large");

        JsonNode found = ok("/api/v1/services/search?q=%20" + token.toUpperCase() + "%20&limit=1");
        assertThat(names(found)).containsExactly(token + " A popular");
        assertThat(found.get("total_count").asInt()).isEqualTo(2);
        assertThat(found.get("has_next").asBoolean()).isTrue();
        assertThat(found.get("page").asInt()).isEqualTo(1);
        assertThat(found.get("filters_applied").get("search_query").asString()).isEqualTo(token.toUpperCase());
        assertThat(found.get("filters_applied").get("category_id").isNull()).isTrue();
        JsonNode inCategory = ok("/api/v1/services/search?q=" + token + "&category_id=" + category);
        assertThat(names(inCategory)).containsExactly(token + " A popular", token + " b popular");
        assertThat(inCategory.get("has_next").asBoolean()).isFalse();
        assertThat(inCategory.get("filters_applied").get("category_id").asString()).isEqualTo(category.toString());
        assertThat(names(ok("/api/v1/services/search?q=" + token + "&category_id=" + UUID.randomUUID()))).isEmpty();

        assertShape(fx.get(fx.client(), "/api/v1/services/search?q=%20a%20"), "query -> q", "string_too_short");
        assertShape(fx.get(fx.client(), "/api/v1/services/search"), "query -> q", "missing");
        assertShape(fx.get(fx.client(), "/api/v1/services/search?q=abc&limit=51"), "query -> limit", "too_large");
    }

    private JsonNode ok(String path) {
        Api.Response r = fx.get(fx.client(), path);
        assertThat(r.status()).as(path + " → " + r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.get("services").forEach(s -> out.add(s.get("name").asString()));
        return out;
    }
}
