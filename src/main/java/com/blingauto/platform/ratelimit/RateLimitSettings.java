package com.blingauto.platform.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code RATE_LIMIT_ENABLED}, {@code RATE_LIMIT_REQUESTS_PER_MINUTE}, {@code RATE_LIMIT_REQUESTS_PER_HOUR}, {@code TRUSTED_PROXIES}. */
@ConfigurationProperties("blingauto.rate-limit")
public record RateLimitSettings(boolean enabled, long requestsPerMinute, long requestsPerHour, String trustedProxies) {

    public RateLimitSettings {
        if (requestsPerMinute < 1 || requestsPerHour < 1) {
            throw new IllegalArgumentException("RATE_LIMIT_REQUESTS_PER_MINUTE and _PER_HOUR must be at least 1");
        }
    }
}
