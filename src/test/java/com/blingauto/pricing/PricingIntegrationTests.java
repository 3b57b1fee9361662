package com.blingauto.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import com.blingauto.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/** Spec 04 E1–E3: quotes, their storage and 24-hour validity, re-validation, quotable services. */
@IntegrationTest
class PricingIntegrationTests {

    private static final String PASSWORD = "Correct-horse-1";
    private static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    Api api;
    final String run = UUID.randomUUID().toString().substring(0, 8);
    String admin;
    String client;
    UUID clientId;
    UUID category;
    String categoryName;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        admin = token("admin", "admin");
        clientId = user("client", "client");
        client = login("client");
        categoryName = "Pricing " + run;
        Api.Response c = api.post("/api/v1/services/categories", "{\"name\":\"" + categoryName + "\"}").bearer(admin).send();
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        category = UUID.fromString(c.json().get("category_id").asString());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private UUID user(String name, String role) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO users (id, email, first_name, last_name, password_hash, role, status, email_verified, created_at, updated_at)
                VALUES (?, ?, 'Test', 'User', ?, ?, 'active', true, now(), now())""")
                .params(id, name + "-" + run + "@example.com", HASH, role).update();
        return id;
    }

    private String login(String name) {
        Api.Response r = api.post("/api/v1/auth/login", "{\"email\":\"" + name + "-" + run + "@example.com\",\"password\":\"" + PASSWORD + "\"}").send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("access_token").asString();
    }

    private String token(String name, String role) {
        user(name, role);
        return login(name);
    }

    private UUID service(String name, String price, int duration) {
        Api.Response r = api.post("/api/v1/services/categories/" + category + "/services",
                "{\"name\":\"" + name + "\",\"price\":\"" + price + "\",\"duration_minutes\":" + duration + "}").bearer(admin).send();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return UUID.fromString(r.json().get("service_id").asString());
    }

    private Api.Response quote(String token, String body) {
        return api.post("/api/v1/pricing/quote", body).bearer(token).send();
    }

    private static String ids(UUID... ids) {
        List<String> quoted = new ArrayList<>();
        for (UUID id : ids) {
            quoted.add("\"" + id + "\"");
        }
        return "{\"service_ids\":[" + String.join(",", quoted) + "]}";
    }

    private long quotesOfClient() {
        return jdbc.sql("SELECT count(*) FROM quotes WHERE created_by = ?").param(clientId).query(Long.class).single();
    }

    private void sql(String sql, Object... params) {
        jdbc.sql(sql).params(params).update();
    }

    @Test
    void aQuoteAddsUpTheServicesAndIsStoredFor24Hours() {
        UUID wash = service("Basic Wash", "25.00", 30);
        UUID wax = service("Wax", "15.50", 45);

        Api.Response r = quote(client, "{\"service_ids\":[\"" + wax + "\",\"" + wash.toString().toUpperCase() + "\"],\"customer_location\":\"Main St\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode q = r.json();
        JsonNode b = q.get("breakdown");
        assertThat(b.get("services")).hasSize(2);
        assertThat(b.get("services").get(0).get("service_id").asString()).isEqualTo(wax.toString());
        assertThat(b.get("services").get(0).get("service_name").asString()).isEqualTo("Wax");
        assertThat(b.get("services").get(0).get("price").asString()).isEqualTo("15.50");
        assertThat(b.get("services").get(0).get("duration").asInt()).isEqualTo(45);
        assertThat(b.get("services").get(0).get("category").asString()).isEqualTo(categoryName);
        assertThat(b.get("subtotal").asString()).isEqualTo("40.50");
        assertThat(b.get("discount_amount").asString()).isEqualTo("0.00");
        assertThat(b.get("taxable_amount").asString()).isEqualTo("40.50");
        assertThat(b.get("tax_rate").asString()).isEqualTo("0.0000");
        assertThat(b.get("tax_amount").asString()).isEqualTo("0.00");
        assertThat(b.get("total_price").asString()).isEqualTo("40.50");
        assertThat(b.get("total_duration").asInt()).isEqualTo(75);
        assertThat(b.get("service_count").asInt()).isEqualTo(2);
        assertThat(q.get("total_price").asString()).isEqualTo("40.50");
        assertThat(q.get("total_duration").asInt()).isEqualTo(75);
        assertThat(q.get("service_count").asInt()).isEqualTo(2);
        Instant created = Instant.parse(q.get("created_at").asString());
        assertThat(Instant.parse(q.get("valid_until").asString())).isEqualTo(created.plus(Duration.ofHours(24)));
        UUID id = UUID.fromString(q.get("quote_id").asString());
        assertThat(jdbc.sql("SELECT created_by FROM quotes WHERE id = ?").param(id).query(UUID.class).single()).isEqualTo(clientId);
        assertThat(jdbc.sql("SELECT customer_location FROM quotes WHERE id = ?").param(id).query(String.class).single()).isEqualTo("Main St");

        Api.Response valid = api.get("/api/v1/pricing/quote/" + id + "/validate").bearer(client).send();
        assertThat(valid.status()).as(valid.body()).isEqualTo(200);
        assertThat(valid.json().get("is_valid").asBoolean()).isTrue();
        assertThat(valid.json().get("validation_errors")).isEmpty();
        assertThat(valid.json().get("updated_quote").isNull()).isTrue();

        // 24 hours later (moving the clock would also expire the access token)
        sql("UPDATE quotes SET created_at = created_at - interval '24 hours', valid_until = valid_until - interval '24 hours' WHERE id = ?", id);
        Api.Response expired = api.get("/api/v1/pricing/quote/" + id + "/validate").bearer(client).send();
        assertThat(expired.status()).isEqualTo(404);
        assertThat(expired.error().get("message").asString()).isEqualTo("Quote not found");
        quote(client, ids(wash));
        assertThat(jdbc.sql("SELECT count(*) FROM quotes WHERE id = ?").param(id).query(Long.class).single()).as("purged").isZero();
    }

    @Test
    void badRequestsAreRefusedAndNothingIsStored() {
        UUID wash = service("Wash", "25.00", 30);
        long before = quotesOfClient();

        Api.Response dup = quote(client, ids(wash, wash));
        assertThat(dup.status()).isEqualTo(400);
        assertThat(dup.error().get("message").asString()).isEqualTo("Duplicate services are not allowed");
        assertThat(dup.error().get("details").get("field").asString()).isEqualTo("service_ids");

        assertShape(quote(client, "{\"service_ids\":[]}"), "body -> service_ids", "list_too_short");
        UUID[] eleven = new UUID[11];
        for (int i = 0; i < 11; i++) {
            eleven[i] = UUID.randomUUID();
        }
        assertShape(quote(client, ids(eleven)), "body -> service_ids", "list_too_long");
        assertShape(quote(client, "{\"service_ids\":[\"nope\"]}"), "body -> service_ids -> 0", "uuid_invalid");
        assertShape(quote(client, "{}"), "body -> service_ids", "missing");
        assertShape(quote(client, "{\"service_ids\":[\"" + wash + "\"],\"customer_location\":\"" + "x".repeat(201) + "\"}"),
                "body -> customer_location", "string_too_long");
        assertShape(quote(client, "{\"service_ids\":[\"" + wash + "\"],\"apply_tax\":\"yes\"}"), "body -> apply_tax", "type_invalid");

        UUID unknown = UUID.randomUUID();
        Api.Response missing = quote(client, ids(wash, unknown));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.error().get("message").asString()).isEqualTo("Service " + unknown + " not found");
        assertThat(missing.error().get("details").get("identifier").asString()).isEqualTo(unknown.toString());

        UUID tooShort = service("Rinse", "5.00", 15);
        Api.Response shortTotal = quote(client, ids(tooShort));
        assertThat(shortTotal.status()).isEqualTo(400);
        assertThat(shortTotal.error().get("message").asString()).isEqualTo("Total duration must be at least 30 minutes");
        UUID long1 = service("Long 1", "5.00", 120);
        UUID long2 = service("Long 2", "5.00", 135);
        Api.Response longTotal = quote(client, ids(long1, long2));
        assertThat(longTotal.status()).isEqualTo(400);
        assertThat(longTotal.error().get("message").asString()).isEqualTo("Total duration cannot exceed 240 minutes");

        UUID off = service("Off", "5.00", 30);
        sql("UPDATE services SET status = 'INACTIVE' WHERE id = ?", off);
        Api.Response inactive = quote(client, ids(wash, off));
        assertThat(inactive.status()).isEqualTo(422);
        assertThat(inactive.error().get("details").get("rule").asString()).isEqualTo("RG-PRC-001");
        assertThat(inactive.error().get("message").asString()).isEqualTo("Service 'Off' is not active");
        sql("UPDATE categories SET status = 'INACTIVE' WHERE id = ?", category);
        Api.Response inactiveCategory = quote(client, ids(wash));
        assertThat(inactiveCategory.status()).isEqualTo(422);
        assertThat(inactiveCategory.error().get("message").asString()).isEqualTo("Service 'Wash' is not active");

        assertThat(quotesOfClient()).isEqualTo(before);
        assertThat(api.post("/api/v1/pricing/quote", ids(wash)).send().status()).isEqualTo(401);
    }

    @Test
    void validationReportsChangesAndIssuesAnUpdatedQuote() {
        UUID wash = service("Basic Wash", "25.00", 30);
        UUID wax = service("Wax", "10.00", 30);
        String id = quote(client, "{\"service_ids\":[\"" + wash + "\",\"" + wax + "\"],\"apply_tax\":false}").json().get("quote_id").asString();
        String path = "/api/v1/pricing/quote/" + id + "/validate";

        assertThat(api.get(path).bearer(token("other", "client")).send().status()).isEqualTo(404);
        assertThat(api.get(path).bearer(token("washer", "washer")).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/pricing/quote/" + UUID.randomUUID() + "/validate").bearer(client).send().status()).isEqualTo(404);
        assertThat(api.get("/api/v1/pricing/quote/nope/validate").bearer(client).send().status()).isEqualTo(404);

        assertThat(api.request("PATCH", "/api/v1/services/" + wash + "/price", "{\"new_price\":\"30.00\"}")
                .header("Content-Type", "application/json").bearer(admin).send().status()).isEqualTo(200);
        sql("UPDATE services SET duration_minutes = 45 WHERE id = ?", wax);

        Api.Response r = api.get(path).bearer(client).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode v = r.json();
        assertThat(v.get("quote_id").asString()).isEqualTo(id);
        assertThat(v.get("is_valid").asBoolean()).isFalse();
        List<String> messages = new ArrayList<>();
        v.get("validation_errors").forEach(m -> messages.add(m.asString()));
        assertThat(messages).containsExactly("Price of 'Basic Wash' changed from 25.00 to 30.00",
                "Duration of 'Wax' changed from 30 to 45 minutes");
        JsonNode updated = v.get("updated_quote");
        assertThat(updated.get("quote_id").asString()).isNotEqualTo(id);
        assertThat(updated.get("total_price").asString()).isEqualTo("40.00");
        assertThat(updated.get("total_duration").asInt()).isEqualTo(75);
        assertThat(updated.get("breakdown").get("tax_rate").asString()).isEqualTo("0.0000");
        UUID updatedId = UUID.fromString(updated.get("quote_id").asString());
        assertThat(jdbc.sql("SELECT created_by FROM quotes WHERE id = ?").param(updatedId).query(UUID.class).single()).isEqualTo(clientId);
        assertThat(api.get("/api/v1/pricing/quote/" + updatedId + "/validate").bearer(client).send().json().get("is_valid").asBoolean())
                .isTrue();

        sql("UPDATE services SET status = 'INACTIVE' WHERE id = ?", wax);
        JsonNode gone = api.get(path).bearer(client).send().json();
        List<String> goneMessages = new ArrayList<>();
        gone.get("validation_errors").forEach(m -> goneMessages.add(m.asString()));
        assertThat(goneMessages).containsExactly("Price of 'Basic Wash' changed from 25.00 to 30.00", "Service 'Wax' is no longer available");
        assertThat(gone.get("updated_quote").isNull()).isTrue();
    }

    @Test
    void quotableServicesAreTheActiveServicesOfActiveCategoriesInCatalogueOrder() {
        UUID b = service("b second", "12.00", 30);
        UUID a = service("A first", "11.00", 60);
        UUID off = service("c off", "13.00", 30);
        sql("UPDATE services SET status = 'INACTIVE' WHERE id = ?", off);

        Api.Response r = api.get("/api/v1/pricing/services").bearer(client).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().isArray()).isTrue();
        List<JsonNode> mine = new ArrayList<>();
        r.json().forEach(n -> {
            if (n.get("category").asString().equals(categoryName)) {
                mine.add(n);
            }
        });
        assertThat(mine).extracting(n -> n.get("service_id").asString()).containsExactly(a.toString(), b.toString());
        assertThat(mine.get(0).get("service_name").asString()).isEqualTo("A first");
        assertThat(mine.get(0).get("price").asString()).isEqualTo("11.00");
        assertThat(mine.get(0).get("duration").asInt()).isEqualTo(60);
        assertThat(api.get("/api/v1/pricing/services").send().status()).isEqualTo(401);
    }

    private static void assertShape(Api.Response r, String field, String type) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        List<String> seen = new ArrayList<>();
        r.error().get("details").get("validation_errors").forEach(e -> seen.add(e.get("field").asString() + ":" + e.get("type").asString()));
        assertThat(seen).as(r.body()).contains(field + ":" + type);
    }
}
