package com.blingauto.auth;

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

/**
 * The per-request account answer is cached for a few seconds; changes through the API apply to the next
 * request, and a change announced by another replica evicts it here.
 */
@IntegrationTest
class AccountCacheIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StringRedisTemplate redis;
    Api api;
    AuthFixture fx;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fx = new AuthFixture(api, jdbc);
    }

    /** The role authentication sees: only managers and admins may list users. */
    private String roleSeenBy(String token) {
        int status = api.get("/api/v1/auth/users?limit=1").bearer(token).send().status();
        assertThat(status).isIn(200, 403);
        return status == 200 ? "manager" : "client";
    }

    @Test
    void aChangeBehindTheApisBackIsServedFromTheCacheUntilAnotherReplicaAnnouncesIt() {
        UUID id = fx.activeUser("cache-replica", "client");
        String token = fx.accessToken("cache-replica");
        assertThat(roleSeenBy(token)).isEqualTo("client");

        // another replica changed the role: this JVM still answers from its cache...
        jdbc.sql("UPDATE users SET role = 'manager' WHERE id = ?").param(id).update();
        assertThat(roleSeenBy(token)).as("served from the cache").isEqualTo("client");

        // ...until that replica's announcement arrives
        redis.convertAndSend("blingauto:invalidate", "another-replica\n" + AccountLookup.TOPIC + "\n" + id);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(roleSeenBy(token)).isEqualTo("manager"));
    }

    @Test
    void logoutAppliesToTheNextRequestDespiteTheCache() {
        fx.activeUser("cache-logout", "client");
        String token = fx.accessToken("cache-logout");
        assertThat(roleSeenBy(token)).isEqualTo("client");
        assertThat(api.post("/api/v1/auth/logout", null).bearer(token).send().status()).isEqualTo(200);
        Api.Response after = api.get("/api/v1/auth/me").bearer(token).send();
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.error().get("message").asString()).isEqualTo("Token has been revoked");
    }

    @Test
    void aRoleChangeByAnAdminAppliesToTheNextRequestDespiteTheCache() {
        UUID id = fx.activeUser("cache-role", "client");
        String token = fx.accessToken("cache-role");
        assertThat(roleSeenBy(token)).isEqualTo("client");
        fx.activeUser("cache-role-admin", "admin");
        String admin = fx.accessToken("cache-role-admin");
        for (String role : new String[] {"washer", "manager"}) { // client → washer → manager (AUTH-9)
            assertThat(api.request("PATCH", "/api/v1/auth/users/" + id + "/role", "{\"role\":\"" + role + "\"}")
                    .header("Content-Type", "application/json").bearer(admin).send().status()).isEqualTo(200);
        }
        assertThat(roleSeenBy(token)).isEqualTo("manager");
    }
}
