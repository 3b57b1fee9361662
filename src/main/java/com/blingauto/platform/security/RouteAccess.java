package com.blingauto.platform.security;

import com.blingauto.shared.AllowedRoles;
import com.blingauto.shared.PublicEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.http.server.RequestPath;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Classifies a request before Spring Security decides on it, from the handler method Spring MVC would call:
 * an unknown route or method must be answered 404/405 whatever the token (CNV-4, CNV-34 step 3), a
 * {@link PublicEndpoint} needs no token and ignores a bad one (CNV-36), and {@link AllowedRoles} is checked
 * before the body is read (CNV-34 step 5).
 */
class RouteAccess {

    /** Operational and documentation paths, open to everyone. */
    private static final Set<String> OPEN_PATHS = Set.of("/health", "/ready", "/live", "/docs", "/openapi.json", "/error");
    private static final String[] OPEN_PREFIXES = {"/docs/", "/openapi.json/", "/swagger-ui/"};
    private static final String ATTRIBUTE = RouteAccess.class.getName();

    enum Kind { UNKNOWN, OPEN, PROTECTED }

    record Route(Kind kind, AllowedRoles roles) {
        boolean open() {
            return kind != Kind.PROTECTED;
        }
    }

    private final RequestMappingHandlerMapping handlers;

    RouteAccess(RequestMappingHandlerMapping handlers) {
        this.handlers = handlers;
    }

    Route classify(HttpServletRequest request) {
        Object cached = request.getAttribute(ATTRIBUTE);
        if (cached instanceof Route route) {
            return route;
        }
        Route route = resolve(request);
        request.setAttribute(ATTRIBUTE, route);
        return route;
    }

    private Route resolve(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (OPEN_PATHS.contains(path)) {
            return new Route(Kind.OPEN, null);
        }
        for (String prefix : OPEN_PREFIXES) {
            if (path.startsWith(prefix)) {
                return new Route(Kind.OPEN, null);
            }
        }
        RequestPath previous = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request) : null;
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = handlers.getHandler(request);
            if (chain == null || !(chain.getHandler() instanceof HandlerMethod method)) {
                return new Route(Kind.UNKNOWN, null);
            }
            if (method.hasMethodAnnotation(PublicEndpoint.class)) {
                return new Route(Kind.OPEN, null);
            }
            AllowedRoles roles = method.getMethodAnnotation(AllowedRoles.class);
            if (roles == null) {
                roles = method.getBeanType().getAnnotation(AllowedRoles.class);
            }
            return new Route(Kind.PROTECTED, roles);
        } catch (HttpRequestMethodNotSupportedException e) {
            return new Route(Kind.UNKNOWN, null);
        } catch (Exception e) {
            // a known route with another negotiation problem (media type): authenticate, MVC answers the rest
            return new Route(Kind.PROTECTED, null);
        } finally {
            if (previous != null) {
                ServletRequestPathUtils.setParsedRequestPath(previous, request);
            } else {
                ServletRequestPathUtils.clearParsedRequestPath(request);
            }
        }
    }
}
