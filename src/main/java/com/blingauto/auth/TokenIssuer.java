package com.blingauto.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Issues access JWTs and refresh tokens (AUTH-5). */
@Component
class TokenIssuer {

    private final JwtEncoder jwt;
    private final RefreshTokens refreshTokens;
    private final AuthSettings settings;
    private final Clock clock;

    TokenIssuer(JwtEncoder jwt, RefreshTokens refreshTokens, AuthSettings settings, Clock clock) {
        this.jwt = jwt;
        this.refreshTokens = refreshTokens;
        this.settings = settings;
        this.clock = clock;
    }

    record Issued(String accessToken, String refreshToken, UUID refreshTokenId, long expiresIn) {
    }

    /** A new access token and a refresh token of the given family (a new family at login). */
    Issued issue(User user, UUID familyId) {
        Instant now = clock.instant();
        Duration lifetime = Duration.ofMinutes(settings.accessTokenExpireMinutes());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(user.id().toString())
                .claim("role", user.role().wire())
                .claim("type", "access")
                .id(UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .build();
        String access = jwt.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
        String refresh = Secrets.newToken();
        UUID refreshId = refreshTokens.insert(user.id(), familyId, Secrets.sha256(refresh),
                now.plus(Duration.ofDays(settings.refreshTokenExpireDays())), now);
        return new Issued(access, refresh, refreshId, lifetime.toSeconds());
    }
}
