package com.blingauto.platform.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.blingauto.embedded.EmbeddedServers;
import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import com.blingauto.support.SecondApplication;
import com.blingauto.support.TestInfrastructure;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code /health}, {@code /ready} and {@code /live} as spec/00-conventions.md §12 (CNV-43): on the suite's
 * context (everything up), and on a second instance whose Redis is unreachable and whose own database can be
 * made to refuse connections.
 */
@IntegrationTest
class HealthIntegrationTests {

    static final String DATETIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z";

    /** Redis on a closed port; a database of its own, so that it can be taken away. */
    static SecondApplication degraded;
    static String degradedDatabase;

    @LocalServerPort
    int port;
    Api api;

    @BeforeAll
    static void startDegradedInstance() throws SQLException {
        degradedDatabase = "health_" + Long.toHexString(System.nanoTime());
        admin("CREATE DATABASE " + degradedDatabase);
        degraded = SecondApplication.start(Map.of(
                "spring.datasource.url", TestInfrastructure.servers().jdbcUrl().replace("/" + EmbeddedServers.DATABASE + "?", "/" + degradedDatabase + "?"),
                "spring.datasource.hikari.connection-timeout", "1000",
                "spring.data.redis.url", "redis://127.0.0.1:" + EmbeddedServers.freePort(),
                "blingauto.redis.configured", "true"));
    }

    @AfterAll
    static void stopDegradedInstance() throws SQLException {
        try {
            if (degraded != null) {
                degraded.close();
            }
        } finally {
            admin("ALTER DATABASE " + degradedDatabase + " WITH ALLOW_CONNECTIONS true");
            admin("DROP DATABASE IF EXISTS " + degradedDatabase + " WITH (FORCE)");
        }
    }

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void healthReportsEveryCheckWhenAllIsUp() {
        Instant before = Instant.now().minusSeconds(1);
        Api.Response r = api.get("/health").send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode body = r.json();
        assertThat(keys(body)).containsExactlyInAnyOrder("status", "timestamp", "version", "environment", "checks");
        assertThat(body.get("version").asString()).isEqualTo("1.0.0");
        assertThat(body.get("environment").asString()).isEqualTo("development");
        assertTimestamp(body.get("timestamp"), before);
        assertThat(keys(body.get("checks"))).containsExactlyInAnyOrder("database", "redis", "system");

        assertHealthyDependency(body.at("/checks/database"));
        assertHealthyDependency(body.at("/checks/redis"));

        JsonNode system = body.at("/checks/system");
        assertThat(keys(system)).containsExactlyInAnyOrder("status", "cpu_percent", "memory_percent", "disk_percent");
        for (String field : new String[] {"cpu_percent", "memory_percent", "disk_percent"}) {
            assertThat(system.get(field).isNumber()).as(field).isTrue();
            assertThat(system.get(field).asDouble()).as(field).isBetween(0.0, 100.0);
        }
        assertThat(decimals(system.get("cpu_percent"))).isLessThanOrEqualTo(1);
        boolean strained = system.get("cpu_percent").asDouble() >= 90 || system.get("memory_percent").asDouble() >= 90;
        assertThat(system.get("status").asString()).isEqualTo(strained ? "degraded" : "healthy");
        // the only thing that may degrade a fully connected instance is a busy machine
        assertThat(body.get("status").asString()).isEqualTo(strained ? "degraded" : "healthy");
    }

    @Test
    void readyReportsTheDatabaseOnly() {
        Instant before = Instant.now().minusSeconds(1);
        Api.Response r = api.get("/ready").send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(keys(body)).containsExactlyInAnyOrder("ready", "timestamp", "checks");
        assertThat(body.get("ready").isBoolean()).isTrue();
        assertThat(body.get("ready").asBoolean()).isTrue();
        assertTimestamp(body.get("timestamp"), before);
        assertThat(keys(body.get("checks"))).containsExactly("database");
        assertHealthyDependency(body.at("/checks/database"));
    }

    @Test
    void liveIsAliveWithATimestamp() {
        Instant before = Instant.now().minusSeconds(1);
        Api.Response r = api.get("/live").send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(keys(r.json())).containsExactlyInAnyOrder("status", "timestamp");
        assertThat(r.json().get("status").asString()).isEqualTo("alive");
        assertTimestamp(r.json().get("timestamp"), before);
    }

    @Test
    void everyFormAnswersPubliclyWithoutRateLimitHeaders() {
        for (String path : new String[] {"/health", "/health/", "/ready", "/ready/", "/live", "/live/"}) {
            Api.Response r = api.get(path).bearer("not-a-token").send();
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.header("X-RateLimit-Limit")).as(path + " is exempt from rate limiting").isNull();
            assertThat(r.header("X-RateLimit-Remaining")).as(path).isNull();
            assertThat(r.json().has("error")).as(path).isFalse();
        }
        // the limiter is on in the suite: an ordinary request carries its headers
        Api.Response ordinary = api.get("/api/v1/nothing-here").send();
        assertThat(ordinary.header("X-RateLimit-Limit")).isEqualTo("1000000");
    }

    @Test
    void redisDownIsDegradedWith200AndRequestsStillWork() {
        Api second = degraded.api();
        long started = System.nanoTime();
        Api.Response r = second.get("/health").send();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("status").asString()).isEqualTo("degraded");
        assertHealthyDependency(body.at("/checks/database"));
        JsonNode redis = body.at("/checks/redis");
        assertThat(keys(redis)).containsExactlyInAnyOrder("status", "latency_ms", "error");
        assertThat(redis.get("status").asString()).isEqualTo("unhealthy");
        assertThat(redis.get("latency_ms").isNull()).isTrue();
        assertThat(redis.get("error").asString()).isIn("connection failed", "timeout");

        Api.Response ready = second.get("/ready").send();
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("ready").asBoolean()).isTrue();

        // requests go on, with no rate limiting (fail open) and a working database
        Api.Response login = second.post("/api/v1/auth/login", "{\"email\":\"" + IntegrationTest.ADMIN_EMAIL
                + "\",\"password\":\"" + IntegrationTest.ADMIN_PASSWORD + "\"}").send();
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.header("X-RateLimit-Limit")).isNull();
        Api.Response me = second.get("/api/v1/auth/me").bearer(login.json().get("access_token").asString()).send();
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(IntegrationTest.ADMIN_EMAIL);
        Api.Response probe = second.post("/test/probe", "{\"name\":\"a\",\"email\":\"a@b.co\"}").send();
        assertThat(probe.status()).isEqualTo(200);
        assertThat(probe.header("X-RateLimit-Limit")).isNull();
    }

    @Test
    void databaseDownIsUnhealthyWith503AndNotReady() throws SQLException {
        Api second = degraded.api();
        Api.Response login = second.post("/api/v1/auth/login", "{\"email\":\"" + IntegrationTest.ADMIN_EMAIL
                + "\",\"password\":\"" + IntegrationTest.ADMIN_PASSWORD + "\"}").send();
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        String token = login.json().get("access_token").asString();
        admin("ALTER DATABASE " + degradedDatabase + " WITH ALLOW_CONNECTIONS false");
        try {
            admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + degradedDatabase + "'");
            long started = System.nanoTime();
            Api.Response r = second.get("/health").send();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(r.status()).as(r.toString()).isEqualTo(503);
            JsonNode body = r.json();
            assertThat(body.has("error")).as("never the error envelope").isFalse();
            assertThat(body.get("status").asString()).isEqualTo("unhealthy");
            JsonNode database = body.at("/checks/database");
            assertThat(keys(database)).containsExactlyInAnyOrder("status", "latency_ms", "error");
            assertThat(database.get("status").asString()).isEqualTo("unhealthy");
            assertThat(database.get("latency_ms").isNull()).isTrue();
            assertThat(database.get("error").asString()).isIn("connection failed", "timeout");
            assertThat(body.at("/checks/system/status").asString()).isIn("healthy", "degraded");

            Api.Response ready = second.get("/ready").send();
            assertThat(ready.status()).as(ready.toString()).isEqualTo(503);
            assertThat(keys(ready.json())).containsExactlyInAnyOrder("ready", "timestamp", "checks");
            assertThat(ready.json().get("ready").asBoolean()).isFalse();
            assertThat(ready.json().at("/checks/database/status").asString()).isEqualTo("unhealthy");
            assertThat(ready.json().at("/checks/database/latency_ms").isNull()).isTrue();
            assertThat(ready.json().at("/checks/database/error").asString()).isIn("connection failed", "timeout");

            // a request authenticated while the database is down: the envelope with 503, not a bare 500
            Api.Response me = second.get("/api/v1/auth/me").bearer(token).send();
            assertThat(me.status()).as(me.toString()).isEqualTo(503);
            assertThat(me.error().get("code").asString()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(me.error().get("request_id").asString()).isNotBlank();

            Api.Response live = second.get("/live").send();
            assertThat(live.status()).isEqualTo(200);
            assertThat(live.json().get("status").asString()).isEqualTo("alive");
        } finally {
            admin("ALTER DATABASE " + degradedDatabase + " WITH ALLOW_CONNECTIONS true");
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(second.get("/ready").send().status()).isEqualTo(200));
    }

    static void assertHealthyDependency(JsonNode check) {
        assertThat(keys(check)).as(check.toString()).containsExactlyInAnyOrder("status", "latency_ms");
        assertThat(check.get("status").asString()).isEqualTo("healthy");
        assertThat(check.get("latency_ms").isNumber()).as(check.toString()).isTrue();
        assertThat(check.get("latency_ms").asDouble()).isBetween(0.0, 2000.0);
        assertThat(decimals(check.get("latency_ms"))).isLessThanOrEqualTo(2);
    }

    static void assertTimestamp(JsonNode timestamp, Instant notBefore) {
        assertThat(timestamp.asString()).matches(DATETIME);
        assertThat(Instant.parse(timestamp.asString())).isBetween(notBefore, Instant.now().plusSeconds(1));
    }

    static int decimals(JsonNode number) {
        return Math.max(0, new BigDecimal(number.toString()).stripTrailingZeros().scale());
    }

    static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        node.propertyNames().forEach(keys::add);
        return keys;
    }

    /** A statement on the suite's PostgreSQL, outside the applications' pools. */
    static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestInfrastructure.servers().jdbcUrl()); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
