package com.blingauto;

import com.blingauto.embedded.EmbeddedServers;
import java.nio.file.Path;

/**
 * The embedded default: {@code ./mvnw spring-boot:test-run} starts the API on port 8000 with an embedded
 * PostgreSQL 16 (data under {@code ./data/postgres}, kept across restarts) and an embedded Redis, unless
 * {@code DATABASE_URL}/{@code POSTGRES_HOST} or {@code REDIS_URL}/{@code REDIS_HOST} name external servers.
 * With arguments {@code db …} it runs the migration command against the same database instead.
 */
public final class DevApplication {

    private DevApplication() {
    }

    public static void main(String[] args) {
        boolean externalDatabase = isSet("DATABASE_URL") || isSet("POSTGRES_HOST");
        boolean externalRedis = isSet("REDIS_URL") || isSet("REDIS_HOST");
        if (!externalDatabase) {
            Path data = Path.of(env("BLINGAUTO_DATA_DIR", "data")).toAbsolutePath().resolve("postgres");
            int postgresPort = Integer.parseInt(env("EMBEDDED_POSTGRES_PORT", "54329"));
            boolean withRedis = !externalRedis && !(args.length > 0 && args[0].equals("db"));
            int redisPort = withRedis ? Integer.parseInt(env("EMBEDDED_REDIS_PORT", "63799")) : -1;
            EmbeddedServers servers = EmbeddedServers.start(data, true, postgresPort, redisPort);
            Runtime.getRuntime().addShutdownHook(new Thread(servers::close, "embedded-servers-stop"));
            System.setProperty("spring.datasource.url", servers.jdbcUrl());
            System.setProperty("spring.datasource.username", "postgres");
            System.setProperty("spring.datasource.password", "");
            System.setProperty("blingauto.auth.generate-initial-admin", "true");
            if (withRedis) {
                System.setProperty("REDIS_URL", servers.redisUrl());
            }
            System.out.printf("Embedded PostgreSQL 16 on 127.0.0.1:%d (data in %s)%s%n", servers.postgresPort(), data,
                    withRedis ? ", embedded Redis on 127.0.0.1:" + redisPort : "");
        }
        BlingAutoApplication.main(args);
    }

    private static boolean isSet(String name) {
        String value = System.getenv(name);
        return value != null && !value.isBlank();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
