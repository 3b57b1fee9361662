package com.blingauto.platform.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import redis.embedded.RedisServer;

/** With Redis down, announcements and the subscription hold nothing up; once it is up, replicas hear each other. */
class RedisInvalidationsTests {

    @Test
    void aDeadRedisCostsNothingAndAnnouncementsFlowOnceItIsUp() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LettuceConnectionFactory connections = connections(port);
        LettuceConnectionFactory otherConnections = connections(port);
        RedisInvalidations replica = new RedisInvalidations(connections);
        RedisInvalidations other = new RedisInvalidations(otherConnections);
        List<String> heard = new CopyOnWriteArrayList<>();
        List<String> heardByAnnouncer = new CopyOnWriteArrayList<>();
        replica.subscribe("catalog", key -> heard.add(String.valueOf(key)));
        replica.subscribe("accounts", key -> heard.add("accounts:" + key));
        other.subscribe("catalog", key -> heardByAnnouncer.add(String.valueOf(key)));
        try {
            long started = System.nanoTime();
            replica.start();
            other.start();
            other.announce("catalog", "lost");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            assertThat(replica.subscribed()).isFalse();

            RedisServer redis = RedisServer.newRedisServer().bind("127.0.0.1").port(port).setting("save \"\"")
                    .setting("appendonly no").onShutdownForceStop(true).build();
            redis.start();
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> replica.subscribed() && other.subscribed());
                // subscribing tells every listener "everything", as announcements may have been missed
                await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(heard).contains("null", "accounts:null"));
                heard.clear();
                heardByAnnouncer.clear();

                other.announce("catalog", "k1");
                other.announce("accounts", "u1");
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                        assertThat(heard).containsExactlyInAnyOrder("k1", "accounts:u1"));
                assertThat(heardByAnnouncer).as("a replica does not hear itself").isEmpty();
            } finally {
                redis.stop();
            }
        } finally {
            replica.stop();
            other.stop();
            replica.destroy();
            other.destroy();
            connections.destroy();
            otherConnections.destroy();
        }
    }

    private static LettuceConnectionFactory connections(int port) {
        LettuceConnectionFactory connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
        connections.afterPropertiesSet();
        connections.start();
        return connections;
    }
}
