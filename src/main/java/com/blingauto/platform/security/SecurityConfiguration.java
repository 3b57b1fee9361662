package com.blingauto.platform.security;

import com.blingauto.platform.web.ErrorResponses;
import com.blingauto.shared.AccountDirectory;
import com.blingauto.shared.AllowedRoles;
import com.blingauto.shared.CurrentUser;
import com.blingauto.shared.ErrorCode;
import com.blingauto.shared.Role;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Stateless bearer-token security: HS256 access tokens signed with {@code SECRET_KEY}, the caller re-read from
 * the database on every request, and every 401/403 in the error envelope with the messages of CNV-36/CNV-38.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final String DENIED_MESSAGE = SecurityConfiguration.class.getName() + ".denied";

    @Bean
    @Qualifier("accessTokenKey")
    SecretKey accessTokenKey(SecuritySettings settings) {
        String secret = settings.secretKey();
        byte[] bytes;
        if (secret == null || secret.isBlank()) {
            bytes = new byte[64];
            new SecureRandom().nextBytes(bytes);
            log.warn("SECRET_KEY is not set: using a random key for this run (tokens die with the process). "
                    + "Set SECRET_KEY (openssl rand -hex 64) to keep them across restarts.");
            bytes = HexFormat.of().formatHex(bytes).getBytes(StandardCharsets.US_ASCII);
        } else {
            bytes = secret.getBytes(StandardCharsets.UTF_8);
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    @Bean
    JwtDecoder jwtDecoder(@Qualifier("accessTokenKey") SecretKey key, Clock clock) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
        expiry.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(expiry)));
        return decoder;
    }

    @Bean
    JwtEncoder jwtEncoder(@Qualifier("accessTokenKey") SecretKey key) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(key));
    }

    @Bean
    RouteAccess routeAccess(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers) {
        return new RouteAccess(handlers);
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RouteAccess routes, ErrorResponses errors,
                                            ObjectProvider<AccountDirectory> accounts) throws Exception {
        BearerTokenResolver bearer = request -> routes.classify(request).open() ? null : bearerToken(request);
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> { })
                .headers(headers -> headers.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> { })
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize
                        // the container's error dispatch renders an error the original request already got
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(request -> routes.classify(request).open()).permitAll()
                        .anyRequest().access(roleCheck(routes)))
                .oauth2ResourceServer(resource -> resource
                        .bearerTokenResolver(bearer)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new AccessTokenConverter(accounts)))
                        .authenticationEntryPoint((request, response, e) ->
                                errors.write(request, response, ErrorCode.UNAUTHORIZED, unauthorizedMessage(e), null))
                        .accessDeniedHandler((request, response, e) -> errors.write(request, response, ErrorCode.FORBIDDEN,
                                String.valueOf(request.getAttribute(DENIED_MESSAGE) == null ? "Forbidden"
                                        : request.getAttribute(DENIED_MESSAGE)), null)))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) ->
                                errors.write(request, response, ErrorCode.UNAUTHORIZED, unauthorizedMessage(e), null))
                        .accessDeniedHandler((request, response, e) -> errors.write(request, response, ErrorCode.FORBIDDEN,
                                String.valueOf(request.getAttribute(DENIED_MESSAGE) == null ? "Forbidden"
                                        : request.getAttribute(DENIED_MESSAGE)), null)));
        return http.build();
    }

    /** Authenticated, and of one of the roles the handler lists (CNV-38), before the body is read. */
    private static AuthorizationManager<RequestAuthorizationContext> roleCheck(RouteAccess routes) {
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                                 RequestAuthorizationContext context) {
                Authentication auth = authentication.get();
                if (!(auth instanceof CallerAuthentication caller)) {
                    return new AuthorizationDecision(false);
                }
                HttpServletRequest request = context.getRequest();
                AllowedRoles allowed = routes.classify(request).roles();
                if (allowed == null || Arrays.asList(allowed.value()).contains(caller.getPrincipal().role())) {
                    return new AuthorizationDecision(true);
                }
                request.setAttribute(DENIED_MESSAGE, deniedMessage(allowed, caller.getPrincipal().role()));
                return new AuthorizationDecision(false);
            }
        };
    }

    static String deniedMessage(AllowedRoles allowed, Role callerRole) {
        if (!allowed.message().isEmpty()) {
            return allowed.message().replace("{role}", callerRole.wire());
        }
        return "Requires one of: " + Arrays.stream(allowed.value()).map(Role::wire).collect(Collectors.joining(", "));
    }

    private static String unauthorizedMessage(AuthenticationException e) {
        if (e instanceof TokenRejectedException) {
            return e.getMessage();
        }
        if (e.getCause() instanceof TokenRejectedException rejected) {
            return rejected.getMessage();
        }
        if (e instanceof org.springframework.security.oauth2.server.resource.InvalidBearerTokenException
                || e instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException) {
            return "Invalid token";
        }
        return "Not authenticated";
    }

    /** {@code Authorization: Bearer <token>}; any other scheme or empty credentials count as no token. */
    private static String bearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() <= 7 || !header.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == CurrentUser.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                          NativeWebRequest request, WebDataBinderFactory binders) {
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                return auth instanceof CallerAuthentication caller ? caller.getPrincipal() : null;
            }
        });
    }
}
