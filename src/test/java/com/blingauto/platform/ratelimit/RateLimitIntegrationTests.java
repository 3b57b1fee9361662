package com.blingauto.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.blingauto.embedded.EmbeddedServers;
import com.blingauto.platform.redis.RedisGate;
import com.blingauto.support.Api;
import com.blingauto.support.SecondApplication;
import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import redis.embedded.RedisServer;
import tools.jackson.databind.JsonNode;

/**
 * The per-IP rate limit of spec/00-conventions.md §9 (CNV-40) on an instance limited to {@value #LIMIT}
 * requests a minute, with a Redis of its own (so that it can be stopped, and so that the suite's buckets
 * never mix with these).
 */
class RateLimitIntegrationTests {

    static final int LIMIT = 3;
    static final AtomicInteger NEXT_IP = new AtomicInteger(1);

    static int redisPort;
    static RedisServer redis;
    static SecondApplication app;
    static Api api;

    @BeforeAll
    static void start() throws IOException {
        redisPort = EmbeddedServers.freePort();
        startRedis();
        app = SecondApplication.start(Map.of(
                "spring.data.redis.url", "redis://127.0.0.1:" + redisPort,
                "blingauto.redis.configured", "true",
                "blingauto.rate-limit.enabled", "true",
                "blingauto.rate-limit.requests-per-minute", String.valueOf(LIMIT),
                "blingauto.rate-limit.requests-per-hour", "1000"));
        api = app.api();
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            if (redis != null) {
                redis.stop();
            }
        }
    }

    static void startRedis() throws IOException {
        redis = RedisServer.newRedisServer().bind("127.0.0.1").port(redisPort)
                .setting("save \"\"").setting("appendonly no").onShutdownForceStop(true).build();
        redis.start();
    }

    /** A client address of its own for each test (from TEST-NET-2), so that budgets never mix. */
    static String newClientIp() {
        return "198.51.100." + NEXT_IP.getAndIncrement();
    }

    static Api.Response probe(String clientIp) {
        return api.get("/test/probe?page_size=2").header("X-Forwarded-For", clientIp).send();
    }

    static void spend(String clientIp) {
        for (int i = 0; i < LIMIT; i++) {
            Api.Response r = probe(clientIp);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
        assertThat(probe(clientIp).status()).isEqualTo(429);
    }

    @Test
    void headersCountDownThenTheRequestOverTheLimitIsRefused() {
        String ip = newClientIp();
        for (int i = 1; i <= LIMIT; i++) {
            Api.Response r = probe(ip);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().get("page_size").asInt()).isEqualTo(2);
            assertThat(r.header("X-RateLimit-Limit")).isEqualTo(String.valueOf(LIMIT));
            assertThat(r.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(LIMIT - i));
        }

        long before = Instant.now().getEpochSecond();
        Api.Response refused = api.get("/test/probe?page_size=2").header("X-Forwarded-For", ip)
                .header("X-Request-ID", "rate-limited-1").send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/json");
        assertThat(refused.header("X-RateLimit-Limit")).isEqualTo(String.valueOf(LIMIT));
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        // one request comes back every 60 s / LIMIT
        assertThat(retryAfter).isBetween(1L, 60L / LIMIT);
        long reset = Long.parseLong(refused.header("X-RateLimit-Reset"));
        assertThat(reset).isBetween(before + 1, Instant.now().getEpochSecond() + retryAfter + 1);

        JsonNode error = refused.error();
        assertThat(error.propertyNames()).containsExactlyInAnyOrder("code", "message", "timestamp", "request_id", "reset_time");
        assertThat(error.get("code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(error.get("message").asString()).isEqualTo("Too many requests");
        assertThat(error.get("request_id").asString()).isEqualTo("rate-limited-1");
        assertThat(refused.header("X-Request-ID")).isEqualTo("rate-limited-1");
        assertThat(error.get("reset_time").isIntegralNumber()).isTrue();
        assertThat(error.get("reset_time").asLong()).isEqualTo(reset);
        assertThat(error.get("timestamp").asString()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?Z");

        // the refusal comes before routing and authentication: any path, any method, any token
        assertThat(api.get("/api/v1/auth/me").header("X-Forwarded-For", ip).bearer("garbage").send().status()).isEqualTo(429);
        assertThat(api.get("/no/such/route").header("X-Forwarded-For", ip).send().status()).isEqualTo(429);

        // another client is not affected
        Api.Response other = probe(newClientIp());
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(LIMIT - 1));
    }

    @Test
    void everyResponseCountsErrorsIncluded() {
        String ip = newClientIp();
        Api.Response notFound = api.get("/api/v1/nothing").header("X-Forwarded-For", ip).send();
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.header("X-RateLimit-Limit")).isEqualTo(String.valueOf(LIMIT));
        assertThat(notFound.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(LIMIT - 1));
        Api.Response unauthorized = api.get("/api/v1/auth/me").header("X-Forwarded-For", ip).send();
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(LIMIT - 2));
    }

    @Test
    void theLeftMostForwardedForEntryIsTheClientBehindATrustedProxy() {
        String client = newClientIp();
        String hop = newClientIp();
        for (int i = 0; i < LIMIT; i++) {
            assertThat(probe(client + ", " + hop).status()).isEqualTo(200);
        }
        assertThat(probe(client + ", " + newClientIp()).status()).isEqualTo(429);
        assertThat(probe(client).status()).isEqualTo(429);
        // the intermediate hop has its own, untouched budget
        Api.Response asHop = probe(hop);
        assertThat(asHop.status()).isEqualTo(200);
        assertThat(asHop.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(LIMIT - 1));
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() throws Exception {
        // TRUSTED_PROXIES is loopback: a request reaching the server on another local address is not from a proxy
        Optional<String> address = nonLoopbackAddress();
        Assumptions.assumeTrue(address.isPresent(), "no non-loopback IPv4 address on this machine");
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 1; i <= LIMIT + 1; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address.get() + ":" + app.port() + "/test/probe"))
                    .header("X-Forwarded-For", newClientIp()).GET().build();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            // a fresh X-Forwarded-For each time, one budget: the peer's
            assertThat(r.statusCode()).as("request %d: %s", i, r.body()).isEqualTo(i <= LIMIT ? 200 : 429);
        }
    }

    @Test
    void healthDocsAndPreflightAreExempt() {
        String ip = newClientIp();
        spend(ip);
        for (String path : new String[] {"/health", "/health/", "/ready", "/live", "/live/", "/openapi.json"}) {
            Api.Response r = api.get(path).header("X-Forwarded-For", ip).send();
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.header("X-RateLimit-Limit")).as(path).isNull();
            assertThat(r.header("X-RateLimit-Remaining")).as(path).isNull();
        }
        Api.Response docs = api.get("/docs").header("X-Forwarded-For", ip).send();
        assertThat(docs.status()).isNotEqualTo(429).isLessThan(400);
        Api.Response preflight = api.request("OPTIONS", "/api/v1/auth/login", null)
                .header("X-Forwarded-For", ip)
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .send();
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(preflight.header("X-RateLimit-Limit")).isNull();
        // and the client is still refused elsewhere
        assertThat(probe(ip).status()).isEqualTo(429);
    }

    @Test
    void withRedisDownEveryRequestIsAllowedWithoutHeaders() throws IOException {
        String ip = newClientIp();
        spend(ip);
        redis.stop();
        try {
            for (int i = 0; i < LIMIT + 2; i++) {
                Api.Response r = probe(ip);
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                assertThat(r.header("X-RateLimit-Limit")).isNull();
                assertThat(r.header("X-RateLimit-Remaining")).isNull();
            }
            JsonNode health = api.get("/health").send().json();
            assertThat(health.get("status").asString()).isEqualTo("degraded");
            assertThat(health.at("/checks/redis/status").asString()).isEqualTo("unhealthy");
        } finally {
            startRedis();
        }
        // the limiter comes back by itself once Redis is reachable again
        String later = newClientIp();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(probe(later).header("X-RateLimit-Limit")).isEqualTo(String.valueOf(LIMIT)));
    }

    @Test
    void rateLimitEnabledFalseRegistersNoFilter() throws IOException {
        // RATE_LIMIT_ENABLED reaches the settings through application.yml
        StandardEnvironment env = new StandardEnvironment();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))) {
            env.getPropertySources().addLast(source);
        }
        env.getPropertySources().addFirst(new MapPropertySource("os", Map.of("RATE_LIMIT_ENABLED", "false")));
        RateLimitSettings settings = Binder.get(env).bind("blingauto.rate-limit", RateLimitSettings.class).get();
        assertThat(settings.enabled()).isFalse();
        assertThat(settings.requestsPerMinute()).isEqualTo(60);
        assertThat(settings.requestsPerHour()).isEqualTo(1000);

        RedisGate gate = new RedisGate(RedisURI.create("redis://127.0.0.1:" + redisPort), Clock.systemUTC());
        try {
            StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("redisGate", gate));
            var configuration = new RateLimitConfiguration();
            var disabled = configuration.rateLimitFilter(settings, beans.getBeanProvider(RedisGate.class),
                    new RedisBuckets(beans.getBeanProvider(RedisGate.class)), null, Clock.systemUTC());
            assertThat(disabled.isEnabled()).isFalse();

            RateLimitSettings on = new RateLimitSettings(true, 60, 1000, "127.0.0.1/32");
            var enabled = configuration.rateLimitFilter(on, beans.getBeanProvider(RedisGate.class),
                    new RedisBuckets(beans.getBeanProvider(RedisGate.class)), null, Clock.systemUTC());
            assertThat(enabled.isEnabled()).isTrue();
            assertThat(enabled.getFilter()).isInstanceOf(RateLimitFilter.class);

            // enabled, but Redis not configured (no REDIS_URL / REDIS_HOST): no limiter, no headers
            StaticListableBeanFactory noRedis = new StaticListableBeanFactory();
            var withoutRedis = configuration.rateLimitFilter(on, noRedis.getBeanProvider(RedisGate.class),
                    new RedisBuckets(noRedis.getBeanProvider(RedisGate.class)), null, Clock.systemUTC());
            assertThat(withoutRedis.isEnabled()).isFalse();
        } finally {
            gate.close();
        }
    }

    static Optional<String> nonLoopbackAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    return Optional.of(address.getHostAddress());
                }
            }
        }
        return Optional.empty();
    }
}
