package com.blingauto.platform.ratelimit;

import com.blingauto.shared.Throttle;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link Throttle} on {@link RedisBuckets}; allows everything while Redis is absent or down. */
@Component
class RedisThrottle implements Throttle {

    private final RedisBuckets buckets;

    RedisThrottle(RedisBuckets buckets) {
        this.buckets = buckets;
    }

    @Override
    public Optional<Duration> tryAcquire(String key, long capacity, Duration period) {
        return buckets.consume("throttle:" + key, () -> BucketConfiguration.builder()
                        .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                        .build())
                .filter(probe -> !probe.isConsumed())
                .map(probe -> Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
