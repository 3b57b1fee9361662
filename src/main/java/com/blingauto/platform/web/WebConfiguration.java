package com.blingauto.platform.web;

import com.blingauto.platform.ratelimit.RateLimitSettings;
import com.blingauto.platform.ratelimit.TrustedProxies;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.UrlHandlerFilter;

/**
 * The servlet filters of the wire conventions, in the order CNV-34 needs them: response headers first (so
 * that every answer carries them), forwarded headers from trusted proxies, trailing-slash folding, then the
 * rate limiter (registered by its own package), Spring Security, and the body size limit.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    static final int HEADERS_ORDER = Ordered.HIGHEST_PRECEDENCE;
    static final int FORWARDED_ORDER = Ordered.HIGHEST_PRECEDENCE + 1;
    static final int TRAILING_SLASH_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TrustedProxies trustedProxies(RateLimitSettings settings) {
        return new TrustedProxies(settings.trustedProxies());
    }

    @Bean
    FilterRegistrationBean<ResponseHeadersFilter> responseHeadersFilter() {
        var registration = new FilterRegistrationBean<>(new ResponseHeadersFilter());
        registration.setOrder(HEADERS_ORDER);
        registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ERROR);
        return registration;
    }

    @Bean
    FilterRegistrationBean<TrustedProxyForwardedHeaderFilter> forwardedHeaderFilter(TrustedProxies trusted) {
        var registration = new FilterRegistrationBean<>(new TrustedProxyForwardedHeaderFilter(trusted));
        registration.setOrder(FORWARDED_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<UrlHandlerFilter> trailingSlashFilter() {
        // CNV-2: both forms answer identically, without a redirect
        var registration = new FilterRegistrationBean<>(UrlHandlerFilter.trailingSlashHandler("/**").wrapRequest().build());
        registration.setOrder(TRAILING_SLASH_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(WebSettings settings) {
        var registration = new FilterRegistrationBean<>(new BodySizeLimitFilter(settings.maxBodyBytes()));
        registration.setOrder(0);
        return registration;
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(WebSettings settings) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(settings.corsOriginList());
        cors.setAllowCredentials(true);
        cors.setAllowedMethods(List.of("*"));
        cors.setAllowedHeaders(List.of("*"));
        cors.setExposedHeaders(List.of("X-Request-ID", "X-Process-Time", "X-RateLimit-Limit", "X-RateLimit-Remaining",
                "X-RateLimit-Reset", "Retry-After", "Idempotent-Replayed"));
        cors.setMaxAge(600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}
