package com.blingauto.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
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
    private final RefreshTokenRepository refreshTokens;
    private final AuthSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    TokenIssuer(JwtEncoder jwt, RefreshTokenRepository refreshTokens, AuthSettings settings, Clock clock) {
        this.jwt = jwt;
        this.refreshTokens = refreshTokens;
        this.settings = settings;
        this.clock = clock;
    }

    record Issued(String accessToken, String refreshToken, long expiresIn) {
    }

    /** A new access token and a refresh token of a new family (login). */
    Issued issue(User user) {
        return issue(user, UUID.randomUUID());
    }

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
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        refreshTokens.save(new RefreshToken(user.id(), familyId, sha256(refresh),
                now.plus(Duration.ofDays(settings.refreshTokenExpireDays())), now));
        return new Issued(access, refresh, lifetime.toSeconds());
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
