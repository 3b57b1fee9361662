package com.blingauto.platform.ratelimit;

import com.blingauto.platform.redis.RedisGate;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Token buckets kept in Redis, shared by every API instance. Empty answers mean "Redis absent or down": the
 * callers fail open.
 */
@Component
class RedisBuckets {

    private final ObjectProvider<RedisGate> redis;
    private volatile ProxyManager<String> buckets;

    RedisBuckets(ObjectProvider<RedisGate> redis) {
        this.redis = redis;
    }

    Optional<ConsumptionProbe> consume(String key, Supplier<BucketConfiguration> configuration) {
        RedisGate gate = redis.getIfAvailable();
        if (gate == null) {
            return Optional.empty();
        }
        var connection = gate.connection();
        if (connection.isEmpty()) {
            return Optional.empty();
        }
        if (buckets == null) {
            synchronized (this) {
                if (buckets == null) {
                    buckets = Bucket4jLettuce.casBasedBuilder(connection.get())
                            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                            .requestTimeout(Duration.ofSeconds(1))
                            .build();
                }
            }
        }
        try {
            return Optional.of(buckets.getProxy("blingauto:" + key, configuration).tryConsumeAndReturnRemaining(1));
        } catch (RuntimeException e) {
            gate.markDown(e);
            return Optional.empty();
        }
    }
}
