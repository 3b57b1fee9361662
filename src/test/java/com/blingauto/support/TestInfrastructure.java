package com.blingauto.support;

import com.blingauto.embedded.EmbeddedServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the suite's embedded PostgreSQL and Redis once per JVM (stopped, and their files deleted, when the
 * JVM exits) and points the application at them.
 */
public final class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedServers servers;

    public static synchronized EmbeddedServers servers() {
        if (servers == null) {
            try {
                Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
                Files.createDirectories(tmp);
                Path data = Files.createTempDirectory(tmp, "pg-data");
                servers = EmbeddedServers.start(data, false, EmbeddedServers.freePort(), EmbeddedServers.freePort());
                EmbeddedServers started = servers;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    deleteQuietly(data);
                }, "embedded-servers-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return servers;
    }

    /** The properties that point an application at the suite's servers. */
    public static Map<String, Object> properties() {
        EmbeddedServers s = servers();
        return Map.of(
                "spring.datasource.url", s.jdbcUrl(),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                "spring.data.redis.url", s.redisUrl(),
                "blingauto.redis.configured", "true");
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("embeddedServers", properties()));
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // the directory lives under target/ and goes with mvn clean
        }
    }
}
