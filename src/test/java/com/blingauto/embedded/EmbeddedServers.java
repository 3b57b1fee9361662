package com.blingauto.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import redis.embedded.RedisServer;

/**
 * An embedded PostgreSQL 16 and an embedded Redis, for the embedded default ({@code DevApplication}) and for
 * the test suite. Never part of the production jar.
 */
public final class EmbeddedServers implements AutoCloseable {

    public static final String DATABASE = "blingauto";

    private final EmbeddedPostgres postgres;
    private final int redisPort;
    private RedisServer redis;

    private EmbeddedServers(EmbeddedPostgres postgres, int redisPort) {
        this.postgres = postgres;
        this.redisPort = redisPort;
    }

    /**
     * Starts PostgreSQL with its data in {@code dataDirectory} (kept when {@code keepData}), and Redis
     * (without persistence) unless {@code redisPort} is negative.
     */
    public static EmbeddedServers start(Path dataDirectory, boolean keepData, int postgresPort, int redisPort) {
        ensureTempDirectory();
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(!keepData)
                    .setPort(postgresPort)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC")
                    .start();
            createDatabase(postgres);
            EmbeddedServers servers = new EmbeddedServers(postgres, redisPort);
            if (redisPort >= 0) {
                servers.startRedis();
            }
            return servers;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", DATABASE);
    }

    public int postgresPort() {
        return postgres.getPort();
    }

    public String redisUrl() {
        return "redis://127.0.0.1:" + redisPort;
    }

    public int redisPort() {
        return redisPort;
    }

    public synchronized void startRedis() {
        try {
            redis = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(redisPort)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .onShutdownForceStop(true)
                    .build();
            redis.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded Redis", e);
        }
    }

    public synchronized void stopRedis() {
        if (redis != null) {
            try {
                redis.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            redis = null;
        }
    }

    @Override
    public void close() {
        stopRedis();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDatabase(EmbeddedPostgres postgres) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    st.execute("CREATE DATABASE " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database " + DATABASE, e);
        }
    }

    private static void ensureTempDirectory() {
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
