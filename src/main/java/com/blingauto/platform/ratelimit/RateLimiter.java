package com.blingauto.platform.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Per-client-IP budgets (CNV-40): {@code RATE_LIMIT_REQUESTS_PER_MINUTE} refilled greedily over 60 s, and
 * {@code RATE_LIMIT_REQUESTS_PER_HOUR} over an hour, shared by every replica through Redis. Empty when Redis
 * cannot be reached: the caller lets the request through.
 */
class RateLimiter {

    private final RedisBuckets buckets;
    private final RateLimitSettings settings;
    private final Clock clock;
    private final BucketConfiguration configuration;

    RateLimiter(RedisBuckets buckets, RateLimitSettings settings, Clock clock) {
        this.buckets = buckets;
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
        return buckets.consume("ratelimit:" + clientIp, () -> configuration).map(this::decide);
    }

    private Decision decide(ConsumptionProbe probe) {
        long nowSecond = clock.instant().getEpochSecond();
        if (probe.isConsumed()) {
            long resetSeconds = (long) Math.ceil(probe.getNanosToWaitForReset() / 1e9);
            return new Decision(true, settings.requestsPerMinute(), Math.max(0, probe.getRemainingTokens()),
                    nowSecond + resetSeconds, 0);
        }
        long wait = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        return new Decision(false, settings.requestsPerMinute(), 0, nowSecond + wait, wait);
    }
}
