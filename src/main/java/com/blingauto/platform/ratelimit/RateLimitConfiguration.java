package com.blingauto.platform.ratelimit;

import com.blingauto.platform.redis.RedisGate;
import com.blingauto.platform.web.ErrorResponses;
import java.time.Clock;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /** After the response headers, forwarded headers and trailing-slash filters; before routing and security. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 3;

    @Bean
    FilterRegistrationBean<jakarta.servlet.Filter> rateLimitFilter(RateLimitSettings settings, ObjectProvider<RedisGate> redis,
                                                            RedisBuckets buckets, ErrorResponses errors, Clock clock) {
        RedisGate gate = redis.getIfAvailable();
        boolean active = settings.enabled() && gate != null;
        jakarta.servlet.Filter filter = active ? new RateLimitFilter(new RateLimiter(buckets, settings, clock), errors)
                : (request, response, chain) -> chain.doFilter(request, response);
        var registration = new FilterRegistrationBean<>(filter);
        if (!active) {
            LoggerFactory.getLogger(RateLimitConfiguration.class).info("Rate limiting is off ({})",
                    settings.enabled() ? "Redis is not configured" : "RATE_LIMIT_ENABLED=false");
        }
        registration.setEnabled(active);
        registration.setOrder(ORDER);
        return registration;
    }
}
