package com.blingauto.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One account logging in from several devices at once: every login succeeds (no lost-update 409). */
@IntegrationTest
class ConcurrentLoginIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void simultaneousLoginsOfOneAccountAllSucceed() throws Exception {
        Api api = new Api(port);
        AuthFixture fx = new AuthFixture(api, jdbc);
        UUID id = fx.activeUser("many-devices", "client");
        jdbc.sql("UPDATE users SET failed_login_attempts = 2 WHERE id = ?").param(id).update();

        List<Callable<Integer>> logins = IntStream.range(0, 8)
                .<Callable<Integer>>mapToObj(i -> () -> fx.login(fx.email("many-devices"), AuthFixture.PASSWORD).status())
                .toList();
        List<Integer> statuses;
        try (var pool = Executors.newFixedThreadPool(8)) {
            statuses = pool.invokeAll(logins).stream().map(ConcurrentLoginIntegrationTests::get).toList();
        }
        assertThat(statuses).containsOnly(200);
        assertThat(fx.count("SELECT count(*) FROM refresh_tokens WHERE user_id = ?", id)).isEqualTo(8);
        var row = jdbc.sql("SELECT failed_login_attempts, last_login_at FROM users WHERE id = ?").param(id)
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getTimestamp(2)}).single();
        assertThat(row[0]).isEqualTo(0);
        assertThat((Timestamp) row[1]).isNotNull();
    }

    private static int get(Future<Integer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
