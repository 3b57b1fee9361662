package com.blingauto.platform.redis;

import com.blingauto.shared.Invalidations;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/** Cache invalidations between replicas: over Redis when it is configured, otherwise there is no other replica to tell. */
@Configuration(proxyBeanMethods = false)
class InvalidationsConfiguration {

    @Bean
    @ConditionalOnProperty(name = "blingauto.redis.configured", havingValue = "true")
    RedisInvalidations redisInvalidations(RedisConnectionFactory connections) {
        return new RedisInvalidations(connections);
    }

    @Bean
    @ConditionalOnMissingBean(Invalidations.class)
    Invalidations singleReplicaInvalidations() {
        return new Invalidations() {
            @Override
            public void announce(String topic, String key) {
            }

            @Override
            public void subscribe(String topic, Consumer<String> listener) {
            }
        };
    }
}
