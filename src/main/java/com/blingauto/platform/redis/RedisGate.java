package com.blingauto.platform.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.util.concurrent.TimeUnit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shared Lettuce connection for the platform's own Redis uses (rate limits, health), built so that a
 * Redis outage costs requests nothing: commands are rejected at once while disconnected, and after a failed
 * connect no new attempt is made for a few seconds. Callers get {@link Optional#empty()} and fail open.
 */
public class RedisGate implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisGate.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final ClientResources resources;
    private final RedisClient client;
    private final Clock clock;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile Instant nextAttempt = Instant.MIN;
    private volatile boolean reportedDown;

    public RedisGate(RedisURI uri, Clock clock) {
        this.clock = clock;
        // reconnect within 2 s of Redis coming back (Lettuce's default backoff grows to 30 s)
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(2)))
                .build());
    }

    /** The connection, or empty while Redis cannot be reached. */
    public Optional<StatefulRedisConnection<String, byte[]>> connection() {
        StatefulRedisConnection<String, byte[]> current = connection;
        if (current != null) {
            return current.isOpen() ? Optional.of(current) : Optional.empty();
        }
        synchronized (this) {
            if (connection != null) {
                return Optional.of(connection);
            }
            Instant now = clock.instant();
            if (now.isBefore(nextAttempt)) {
                return Optional.empty();
            }
            try {
                connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                if (reportedDown) {
                    log.info("Redis is reachable again");
                    reportedDown = false;
                }
                return Optional.of(connection);
            } catch (RuntimeException e) {
                nextAttempt = now.plus(RETRY_AFTER);
                markDown(e);
                return Optional.empty();
            }
        }
    }

    /** Runs a command, or returns empty (and logs once per outage) when Redis fails. */
    public <T> Optional<T> call(Function<StatefulRedisConnection<String, byte[]>, T> command) {
        return connection().flatMap(c -> {
            try {
                return Optional.ofNullable(command.apply(c));
            } catch (RuntimeException e) {
                markDown(e);
                return Optional.empty();
            }
        });
    }

    public void markDown(Throwable e) {
        if (!reportedDown) {
            reportedDown = true;
            log.warn("Redis unavailable, failing open (rate limits off, cache bypassed): {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
