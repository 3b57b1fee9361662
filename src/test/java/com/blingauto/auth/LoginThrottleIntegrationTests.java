package com.blingauto.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.blingauto.shared.Throttle;
import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import com.blingauto.support.TestInfrastructure;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The per-account login budget kept in Redis, independent of the per-IP limit: once an account's budget is
 * spent, logins to it are refused with 429 whatever the client IP, other accounts are unaffected, and
 * without Redis logins go on (fail open).
 */
@IntegrationTest
class LoginThrottleIntegrationTests {

    /** The suite's budget (IntegrationTest: blingauto.auth.login-attempts-per-minute). */
    static final int BUDGET = 100;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Throttle throttle;

    @Test
    void aSpentAccountBudgetIsA429ForThatAccountOnly() {
        Api api = new Api(port);
        AuthFixture fx = new AuthFixture(api, jdbc);
        fx.activeUser("throttled", "client");
        fx.activeUser("free", "client");
        String key = "login:" + fx.email("throttled");
        // spend the budget (it refills at BUDGET/min, one permit every 600 ms: the login below comes well before)
        for (int i = 0; i <= BUDGET && throttle.tryAcquire(key, BUDGET, Duration.ofMinutes(1)).isEmpty(); i++) {
            assertThat(i).isLessThan(BUDGET);
        }
        Api.Response refused = api.post("/api/v1/auth/login", "{\"email\":\"" + fx.email("throttled").toUpperCase()
                + "\",\"password\":\"" + AuthFixture.PASSWORD + "\"}").header("X-Forwarded-For", "203.0.113.9").send();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.error().get("code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(refused.error().get("message").asString()).isEqualTo("Too many login attempts for this account; try again later");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(fx.count("SELECT failed_login_attempts FROM users WHERE email = ?", fx.email("throttled"))).isZero();

        assertThat(fx.loginAs("free").status()).isEqualTo(200);
    }

    @Test
    void withoutRedisLoginsAreNotThrottled() {
        Api api = new Api(port);
        AuthFixture fx = new AuthFixture(api, jdbc);
        fx.activeUser("no-redis", "client");
        TestInfrastructure.servers().stopRedis();
        try {
            assertThat(throttle.tryAcquire("login:anyone", 1, Duration.ofMinutes(1))).isEmpty();
            assertThat(throttle.tryAcquire("login:anyone", 1, Duration.ofMinutes(1))).isEmpty();
            assertThat(fx.loginAs("no-redis").status()).isEqualTo(200);
        } finally {
            TestInfrastructure.servers().startRedis();
            String probe = "test:reconnected:" + System.nanoTime();
            await().atMost(Duration.ofSeconds(15)).until(() -> throttle.tryAcquire(probe, 1, Duration.ofHours(1)).isPresent());
        }
    }

    @Test
    void theThrottleCountsAcrossCalls() {
        String key = "test:" + System.nanoTime();
        assertThat(throttle.tryAcquire(key, 2, Duration.ofMinutes(1))).isEmpty();
        assertThat(throttle.tryAcquire(key, 2, Duration.ofMinutes(1))).isEmpty();
        assertThat(throttle.tryAcquire(key, 2, Duration.ofMinutes(1))).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30)));
    }
}
