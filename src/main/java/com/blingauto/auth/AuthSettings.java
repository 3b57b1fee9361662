package com.blingauto.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token lifetimes, lockout and hashing cost ({@code ACCESS_TOKEN_EXPIRE_MINUTES}, {@code REFRESH_TOKEN_EXPIRE_DAYS},
 * {@code MAX_LOGIN_ATTEMPTS}, {@code LOCKOUT_DURATION_MINUTES}, {@code BCRYPT_ROUNDS}, {@code LOGIN_ATTEMPTS_PER_ACCOUNT_PER_MINUTE}) and the initial admin
 * ({@code INITIAL_ADMIN_*}).
 */
@ConfigurationProperties("blingauto.auth")
record AuthSettings(
        int accessTokenExpireMinutes,
        int refreshTokenExpireDays,
        int maxLoginAttempts,
        int lockoutDurationMinutes,
        int bcryptRounds,
        int loginAttemptsPerMinute,
        String initialAdminEmail,
        String initialAdminPassword,
        String initialAdminFirstName,
        String initialAdminLastName,
        boolean generateInitialAdmin) {

    AuthSettings {
        if (bcryptRounds < 4 || bcryptRounds > 31) {
            throw new IllegalArgumentException("BCRYPT_ROUNDS must be between 4 and 31");
        }
        if (accessTokenExpireMinutes < 1 || refreshTokenExpireDays < 1 || maxLoginAttempts < 1 || lockoutDurationMinutes < 1
                || loginAttemptsPerMinute < 1) {
            throw new IllegalArgumentException("token lifetimes and lockout settings must be positive");
        }
    }
}
