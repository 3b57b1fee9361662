package com.blingauto.platform.ratelimit;

import com.blingauto.platform.redis.RedisGate;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Per-client-IP token buckets kept in Redis, so that every API replica spends one shared budget (CNV-40):
 * {@code RATE_LIMIT_REQUESTS_PER_MINUTE} refilled greedily over 60 s, and {@code RATE_LIMIT_REQUESTS_PER_HOUR}
 * over an hour. Empty when Redis cannot be reached: the caller lets the request through.
 */
class RateLimiter {

    private final RedisGate redis;
    private final RateLimitSettings settings;
    private final Clock clock;
    private final BucketConfiguration configuration;
    private volatile ProxyManager<String> buckets;

    RateLimiter(RedisGate redis, RateLimitSettings settings, Clock clock) {
        this.redis = redis;
        this.settings = settings;
        this.clock = clock;
        this.configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(settings.requestsPerMinute())
                        .refillGreedy(settings.requestsPerMinute(), Duration.ofMinutes(1)).id("minute"))
                .addLimit(limit -> limit.capacity(settings.requestsPerHour())
                        .refillGreedy(settings.requestsPerHour(), Duration.ofHours(1)).id("hour"))
                .build();
    }

    record Decision(boolean allowed, long limit, long remaining, long resetEpochSecond, long retryAfterSeconds) {
    }

    Optional<Decision> consume(String clientIp) {
        ProxyManager<String> manager = buckets();
        if (manager == null) {
            return Optional.empty();
        }
        try {
            ConsumptionProbe probe = manager.getProxy("blingauto:ratelimit:" + clientIp, () -> configuration)
                    .tryConsumeAndReturnRemaining(1);
            long nowSecond = clock.instant().getEpochSecond();
            if (probe.isConsumed()) {
                long resetSeconds = (long) Math.ceil(probe.getNanosToWaitForReset() / 1e9);
                return Optional.of(new Decision(true, settings.requestsPerMinute(),
                        Math.max(0, probe.getRemainingTokens()), nowSecond + resetSeconds, 0));
            }
            long wait = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            return Optional.of(new Decision(false, settings.requestsPerMinute(), 0, nowSecond + wait, wait));
        } catch (RuntimeException e) {
            redis.markDown(e);
            return Optional.empty();
        }
    }

    private ProxyManager<String> buckets() {
        if (buckets == null) {
            redis.connection().ifPresent(connection -> {
                synchronized (this) {
                    if (buckets == null) {
                        buckets = Bucket4jLettuce.casBasedBuilder(connection)
                                .expirationAfterWrite(ExpirationAfterWriteStrategy
                                        .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                                .requestTimeout(Duration.ofSeconds(1))
                                .build();
                    }
                }
            });
            return buckets;
        }
        return redis.connection().isPresent() ? buckets : null;
    }
}
