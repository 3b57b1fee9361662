package com.blingauto.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Spec 03 E1, E2: categories, SVC-2 names, listing order and service counts. */
@IntegrationTest
class CategoriesIntegrationTests {

    private static final String PATH = "/api/v1/services/categories";

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

    @Test
    void anAdminCreatesAnActiveCategoryWithTrimmedNameAndDefaults() {
        String name = fx.unique("Exterior");
        Api.Response r = fx.post(fx.admin(), PATH, "{\"name\":\"  " + name + "  \"}");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode body = r.json();
        assertThat(body.get("name").asString()).isEqualTo(name);
        assertThat(body.get("description").asString()).isEmpty();
        assertThat(body.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(body.get("display_order").asInt()).isZero();
        UUID id = UUID.fromString(body.get("category_id").asString());
        assertThat(fx.jdbc.sql("SELECT name || '|' || status || '|' || display_order FROM categories WHERE id = ?")
                .param(id).query(String.class).single()).isEqualTo(name + "|ACTIVE|0");
    }

    @Test
    void reservedNamesAreRefusedInAnyCase() {
        for (String reserved : List.of("admin", " SYSTEM ", "Internal")) {
            Api.Response r = fx.post(fx.admin(), PATH, "{\"name\":\"" + reserved + "\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.error().get("code").asString()).isEqualTo("VALIDATION_ERROR");
            assertThat(r.error().get("message").asString()).isEqualTo("Category name is reserved");
            assertThat(r.error().get("details").get("field").asString()).isEqualTo("name");
        }
    }

    @Test
    void namesAreUniqueIgnoringCaseAmongActiveCategoriesOnly() {
        String name = fx.unique("Interior");
        UUID first = fx.category(name);

        Api.Response dup = fx.post(fx.admin(), PATH, "{\"name\":\"" + name.toUpperCase() + "\"}");
        assertThat(dup.status()).as(dup.body()).isEqualTo(409);
        assertThat(dup.error().get("code").asString()).isEqualTo("CONFLICT");
        assertThat(dup.error().get("message").asString()).isEqualTo("Category name '" + name.toUpperCase() + "' already exists");
        assertThat(dup.error().get("details").get("field").asString()).isEqualTo("name");
        assertThat(fx.count("SELECT count(*) FROM categories WHERE lower(name) = lower(?)", name)).isEqualTo(1);

        fx.sql("UPDATE categories SET status = 'INACTIVE' WHERE id = ?", first);
        Api.Response again = fx.post(fx.admin(), PATH, "{\"name\":\"" + name + "\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(fx.count("SELECT count(*) FROM categories WHERE lower(name) = lower(?)", name)).isEqualTo(2);
    }

    @Test
    void onlyAdminsCreateCategories() {
        String name = fx.unique("Managers");
        Api.Response r = fx.post(fx.manager(), PATH, "{\"name\":\"" + name + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.error().get("message").asString()).isEqualTo("Requires one of: admin");
        assertThat(fx.api.post(PATH, "{\"name\":\"" + name + "\"}").send().status()).isEqualTo(401);
        assertThat(fx.count("SELECT count(*) FROM categories WHERE name = ?", name)).isZero();
    }

    @Test
    void badInputIsRefusedAndNothingIsWritten() {
        String name = fx.unique("Bad");
        record Case(String body, String field, String type) {
        }
        List<Case> cases = new ArrayList<>(List.of(
                new Case("{\"name\":\"   \"}", "body -> name", "string_too_short"),
                new Case("{}", "body -> name", "missing"),
                new Case("{\"name\":\"" + "x".repeat(101) + "\"}", "body -> name", "string_too_long"),
                new Case("{\"name\":\"" + name + "\",\"display_order\":-1}", "body -> display_order", "too_small"),
                new Case("{\"name\":\"" + name + "\",\"display_order\":\"1\"}", "body -> display_order", "type_invalid"),
                new Case("{\"name\":\"" + name + "\",\"description\":\"" + "d".repeat(501) + "\"}", "body -> description", "string_too_long"),
                new Case("{\"name\":", "body", "json_invalid")));
        for (Case c : cases) {
            Api.Response r = fx.post(fx.admin(), PATH, c.body());
            assertThat(r.status()).as(c.body() + " → " + r.body()).isEqualTo(422);
            JsonNode error = r.error().get("details").get("validation_errors").get(0);
            assertThat(error.get("field").asString()).as(r.body()).isEqualTo(c.field());
            assertThat(error.get("type").asString()).as(r.body()).isEqualTo(c.type());
        }
        assertThat(fx.count("SELECT count(*) FROM categories WHERE name = ?", name)).isZero();
    }

    @Test
    void listingShowsActiveCategoriesInOrderWithTheirActiveServiceCount() {
        String prefix = fx.unique("Order");
        UUID later = createWithOrder(prefix + " b", 7);
        UUID earlierByName = createWithOrder(prefix + " A", 7);
        UUID inactive = createWithOrder(prefix + " c", 7);
        fx.service(later, "Wash one");
        UUID deactivated = fx.service(later, "Wash two");
        fx.sql("UPDATE services SET status = 'INACTIVE' WHERE id = ?", deactivated);
        fx.sql("UPDATE categories SET status = 'INACTIVE' WHERE id = ?", inactive);

        Api.Response r = fx.get(fx.client(), PATH);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> mine = mine(r.json().get("categories"), prefix);
        assertThat(mine).extracting(n -> n.get("id").asString()).containsExactly(earlierByName.toString(), later.toString());
        assertThat(mine.get(1).get("service_count").asInt()).isEqualTo(1);
        assertThat(mine.get(1).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(r.json().get("total_count").asInt()).isEqualTo(r.json().get("categories").size());

        Api.Response all = fx.get(fx.client(), PATH + "?include_inactive=true");
        assertThat(mine(all.json().get("categories"), prefix)).extracting(n -> n.get("id").asString())
                .containsExactly(earlierByName.toString(), later.toString(), inactive.toString());
        long ordered = 0;
        JsonNode previous = null;
        for (JsonNode c : all.json().get("categories")) {
            if (previous != null) {
                assertThat(previous.get("display_order").asInt()).isLessThanOrEqualTo(c.get("display_order").asInt());
            }
            previous = c;
            ordered++;
        }
        assertThat(all.json().get("total_count").asLong()).isEqualTo(ordered);

        Api.Response bad = fx.get(fx.client(), PATH + "?include_inactive=maybe");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(fx.api.get(PATH).send().status()).isEqualTo(401);
    }

    private UUID createWithOrder(String name, int order) {
        Api.Response r = fx.post(fx.admin(), PATH, "{\"name\":\"" + name + "\",\"display_order\":" + order
                + ",\"description\":\"about " + name + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return UUID.fromString(r.json().get("category_id").asString());
    }

    private static List<JsonNode> mine(JsonNode list, String prefix) {
        List<JsonNode> out = new ArrayList<>();
        list.forEach(n -> {
            if (n.get("name").asString().startsWith(prefix)) {
                out.add(n);
            }
        });
        return out;
    }
}
