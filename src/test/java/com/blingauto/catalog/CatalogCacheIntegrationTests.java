package com.blingauto.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Catalogue reads are cached, every write is visible on the next read, and other replicas' writes empty the cache. */
@IntegrationTest
class CatalogCacheIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CatalogCache cache;
    @Autowired
    StringRedisTemplate redis;
    CatalogFixture fx;

    @BeforeEach
    void setUp() {
        fx = new CatalogFixture(new Api(port), jdbc, cache);
    }

    private JsonNode read(String path) {
        Api.Response r = fx.get(fx.client(), path);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void everyWriteIsVisibleOnTheNextRead() {
        UUID category = fx.category();
        String list = "/api/v1/services?category_id=" + category;
        UUID first = fx.service(category, "First");
        assertThat(read(list).get("total_count").asInt()).isEqualTo(1);

        fx.service(category, "Second");
        assertThat(read(list).get("total_count").asInt()).isEqualTo(2);

        String one = "/api/v1/services/" + first;
        assertThat(read(one).get("price").asString()).isEqualTo("25.00");
        assertThat(fx.patch(fx.admin(), one + "/price", "{\"new_price\":\"31.50\"}").status()).isEqualTo(200);
        assertThat(read(one).get("price").asString()).isEqualTo("31.50");
        assertThat(read(list).get("services").get(0).get("price").asString()).isEqualTo("31.50");

        assertThat(read("/api/v1/services/popular?limit=50").toString()).doesNotContain(first.toString());
        assertThat(fx.patch(fx.admin(), one + "/popular", "{\"is_popular\":true}").status()).isEqualTo(200);
        assertThat(read("/api/v1/services/popular?limit=50").toString()).contains(first.toString());

        assertThat(fx.delete(fx.admin(), one + "?reason=Closed%20for%20repairs").status()).isEqualTo(200);
        assertThat(read(list).get("total_count").asInt()).isEqualTo(1);
        assertThat(read(one).get("status").asString()).isEqualTo("INACTIVE");
        assertThat(read("/api/v1/services/popular?limit=50").toString()).doesNotContain(first.toString());

        String categoryName = fx.unique("Fresh");
        assertThat(read("/api/v1/services/categories").toString()).doesNotContain(categoryName);
        fx.category(categoryName);
        assertThat(read("/api/v1/services/categories").toString()).contains(categoryName);
    }

    @Test
    void aWriteAnnouncedByAnotherReplicaEmptiesTheCache() {
        UUID category = fx.category();
        UUID service = fx.service(category, "Elsewhere");
        String one = "/api/v1/services/" + service;
        assertThat(read(one).get("price").asString()).isEqualTo("25.00");

        // another replica's write: the row changes without this JVM knowing
        jdbc.sql("UPDATE services SET price = 27.00 WHERE id = ?").param(service).update();
        assertThat(read(one).get("price").asString()).as("served from the cache").isEqualTo("25.00");

        redis.convertAndSend("blingauto:invalidate", "another-replica\n" + CatalogCache.TOPIC + "\n");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(read(one).get("price").asString()).isEqualTo("27.00"));
    }
}
