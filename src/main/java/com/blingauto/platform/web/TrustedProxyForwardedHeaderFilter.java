package com.blingauto.platform.web;

import com.blingauto.platform.ratelimit.TrustedProxies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@code X-Forwarded-For/Proto/Host/Port/Prefix} only when the socket peer is a trusted proxy
 * ({@code TRUSTED_PROXIES}), so a client cannot choose its own IP for the rate limiter, while links built
 * behind nginx (Swagger UI, OpenAPI servers) use the public scheme, host and prefix.
 */
class TrustedProxyForwardedHeaderFilter extends OncePerRequestFilter {

    private final TrustedProxies trusted;
    private final ForwardedHeaderFilter forwarded = new ForwardedHeaderFilter();

    TrustedProxyForwardedHeaderFilter(TrustedProxies trusted) {
        this.trusted = trusted;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (trusted.contains(request.getRemoteAddr())) {
            forwarded.doFilter(request, response, chain);
        } else {
            chain.doFilter(request, response);
        }
    }
}
