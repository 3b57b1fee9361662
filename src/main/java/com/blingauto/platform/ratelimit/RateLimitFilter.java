package com.blingauto.platform.ratelimit;

import com.blingauto.platform.web.ErrorResponses;
import com.blingauto.shared.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link RateLimiter} to every request but health, docs and CORS preflight, before routing and
 * authentication (CNV-34 step 2). The client IP is the socket peer, already replaced by the left-most
 * {@code X-Forwarded-For} entry when the peer is a trusted proxy.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private static final Set<String> EXEMPT = Set.of("/health", "/ready", "/live", "/docs", "/openapi.json");
    private static final String[] EXEMPT_PREFIXES = {"/docs/", "/openapi.json/", "/swagger-ui/"};

    private final RateLimiter limiter;
    private final ErrorResponses errors;

    RateLimitFilter(RateLimiter limiter, ErrorResponses errors) {
        this.limiter = limiter;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (HttpMethod.OPTIONS.matches(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (EXEMPT.contains(path)) {
            return true;
        }
        for (String prefix : EXEMPT_PREFIXES) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<RateLimiter.Decision> decision = limiter.consume(request.getRemoteAddr());
        if (decision.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        RateLimiter.Decision d = decision.get();
        response.setHeader("X-RateLimit-Limit", Long.toString(d.limit()));
        response.setHeader("X-RateLimit-Remaining", Long.toString(d.remaining()));
        if (d.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("X-RateLimit-Reset", Long.toString(d.resetEpochSecond()));
        response.setHeader("Retry-After", Long.toString(d.retryAfterSeconds()));
        errors.write(request, response, ErrorCode.RATE_LIMIT_EXCEEDED, "Too many requests", d.resetEpochSecond());
    }
}
