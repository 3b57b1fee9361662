package com.blingauto.platform.redis;

import io.lettuce.core.RedisURI;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The platform's Redis connection, present only when {@code REDIS_URL} or {@code REDIS_HOST} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "blingauto.redis.configured", havingValue = "true")
class RedisConfiguration {

    @Bean(destroyMethod = "close")
    RedisGate redisGate(Environment env, Clock clock) {
        String url = env.getProperty("spring.data.redis.url");
        RedisURI uri = url != null && !url.isBlank() ? RedisURI.create(url)
                : RedisURI.create(env.getProperty("spring.data.redis.host", "localhost"),
                        env.getProperty("spring.data.redis.port", Integer.class, 6379));
        String password = env.getProperty("spring.data.redis.password");
        if (password != null && !password.isBlank()) {
            uri.setCredentialsProvider(io.lettuce.core.RedisCredentialsProvider.from(
                    () -> io.lettuce.core.RedisCredentials.just(null, password)));
        }
        uri.setTimeout(Duration.ofSeconds(2));
        return new RedisGate(uri, clock);
    }
}
