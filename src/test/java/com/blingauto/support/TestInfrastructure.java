package com.blingauto.support;

import com.blingauto.embedded.EmbeddedServers;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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
 * JVM exits), and one in-process SMTP server (GreenMail, read through {@link ReceivedMail}), and points the
 * application at them.
 */
public final class TestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedServers servers;
    private static GreenMail smtp;

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

    /** The suite's SMTP server on 127.0.0.1 (plain SMTP, no authentication, accepts every recipient). */
    public static synchronized GreenMail smtp() {
        if (smtp == null) {
            GreenMail started = new GreenMail(new ServerSetup(EmbeddedServers.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "greenmail-stop"));
            smtp = started;
        }
        return smtp;
    }

    /** The properties that point an application at the suite's servers. */
    public static Map<String, Object> properties() {
        EmbeddedServers s = servers();
        return Map.of(
                "spring.datasource.url", s.jdbcUrl(),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "",
                "spring.data.redis.url", s.redisUrl(),
                "blingauto.redis.configured", "true",
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", Integer.toString(smtp().getSmtp().getPort()),
                "SMTP_USE_TLS", "false");
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
