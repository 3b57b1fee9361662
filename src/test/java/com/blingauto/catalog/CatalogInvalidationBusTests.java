package com.blingauto.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import redis.embedded.RedisServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

/** With Redis down, neither writes (announcements) nor reads nor the subscription hold anything up. */
class CatalogInvalidationBusTests {

    @Test
    void aDeadRedisCostsNothing() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LettuceConnectionFactory connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
        connections.afterPropertiesSet();
        connections.start();
        try {
            StaticListableBeanFactory beans = new StaticListableBeanFactory();
            CatalogCache cache = new CatalogCache(JsonMapper.builder().build(), beans.getBeanProvider(CatalogInvalidationBus.class), 60);
            CatalogInvalidationBus bus = new CatalogInvalidationBus(new StringRedisTemplate(connections), cache);
            beans.addBean("bus", bus);

            long started = System.nanoTime();
            CatalogInvalidationBus.Subscription subscription = new CatalogInvalidationBus.Subscription(connections, bus);
            subscription.start();
            cache.evictAfterCommit();
            int[] loads = {0};
            byte[] body = cache.get("k", () -> ++loads[0]);
            assertThat(new String(body)).isEqualTo("1");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            assertThat(subscription.subscribed()).isFalse();

            // Redis comes up: the subscription is made, and another replica's announcement empties the cache
            RedisServer redis = RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("save \"\"")
                    .setting("appendonly no").onShutdownForceStop(true).build();
            redis.start();
            try {
                Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
                while (!subscription.subscribed() && Instant.now().isBefore(deadline)) {
                    Thread.sleep(50);
                }
                assertThat(subscription.subscribed()).isTrue();
                assertThat(new String(cache.get("k", () -> ++loads[0]))).isIn("1", "2");
                int before = loads[0];
                new StringRedisTemplate(connections).convertAndSend(CatalogInvalidationBus.CHANNEL, "another-replica");
                while (loads[0] == before && Instant.now().isBefore(deadline)) {
                    cache.get("k", () -> ++loads[0]);
                    Thread.sleep(20);
                }
                assertThat(loads[0]).isEqualTo(before + 1);
            } finally {
                subscription.stop();
                subscription.destroy();
                redis.stop();
            }
        } finally {
            connections.destroy();
        }
    }

    @Test
    void aReadThatOverlapsAWriteIsNotKept() {
        CatalogCache cache = new CatalogCache(JsonMapper.builder().build(),
                new StaticListableBeanFactory().getBeanProvider(CatalogInvalidationBus.class), 60);
        int[] loads = {0};
        cache.get("k", () -> {
            loads[0]++;
            cache.evictLocal();
            return "old";
        });
        assertThat(new String(cache.get("k", () -> {
            loads[0]++;
            return "new";
        }))).isEqualTo("\"new\"");
        assertThat(new String(cache.get("k", () -> {
            loads[0]++;
            return "newer";
        }))).isEqualTo("\"new\"");
        assertThat(loads[0]).isEqualTo(2);
    }
}
