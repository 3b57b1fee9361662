package com.blingauto.platform.config;

import java.util.Locale;
import java.util.Set;
import org.springframework.core.env.PropertyResolver;

/**
 * In staging and production the application refuses to start on a missing, short or well-known
 * {@code SECRET_KEY} and on default passwords (database, Redis, initial admin, SMTP).
 */
final class StartupSafetyCheck {

    static final String DEFAULT_DB_PASSWORD = "blingauto";
    static final int MIN_SECRET_LENGTH = 64;

    /** Values shipped in templates, tutorials and the previous implementation: never acceptable in production. */
    private static final Set<String> WELL_KNOWN = Set.of(
            "", "secret", "changeme", "change-me", "change_me", "password", "postgres", "redis", "admin",
            "admin123", "blingauto", "your-secret-key", "your-secret-key-here", "dev-secret-key",
            "development-secret-key", "change-this-in-production", "changeme-in-production",
            "please-change-me", "password123", "123456", "12345678", "letmein", "test");

    private StartupSafetyCheck() {
    }

    static void verify(String environment, PropertyResolver env) {
        if (!environment.equals("staging") && !environment.equals("production")) {
            return;
        }
        String secret = env.getProperty("SECRET_KEY", "");
        if (secret.isBlank()) {
            throw new UnsafeConfigurationException("SECRET_KEY is not set (ENVIRONMENT=" + environment + ")");
        }
        if (isWellKnown(secret) || secret.toLowerCase(Locale.ROOT).contains("change")) {
            throw new UnsafeConfigurationException("SECRET_KEY is a default value; generate one with: openssl rand -hex 64");
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new UnsafeConfigurationException("SECRET_KEY is shorter than " + MIN_SECRET_LENGTH
                    + " characters; generate one with: openssl rand -hex 64");
        }
        String dbPassword = env.getProperty("spring.datasource.password", "");
        if (isWellKnown(dbPassword)) {
            throw new UnsafeConfigurationException("the database password is a default value (POSTGRES_PASSWORD or DATABASE_URL)");
        }
        String redisPassword = env.getProperty("spring.data.redis.password");
        if (redisPassword != null && isWellKnown(redisPassword)) {
            throw new UnsafeConfigurationException("REDIS_PASSWORD is a default value");
        }
        String adminPassword = env.getProperty("INITIAL_ADMIN_PASSWORD");
        if (adminPassword != null && isWellKnown(adminPassword)) {
            throw new UnsafeConfigurationException("INITIAL_ADMIN_PASSWORD is a default value");
        }
        String smtpPassword = env.getProperty("SMTP_PASSWORD");
        if (smtpPassword != null && !smtpPassword.isEmpty() && isWellKnown(smtpPassword)) {
            throw new UnsafeConfigurationException("SMTP_PASSWORD is a default value");
        }
    }

    private static boolean isWellKnown(String value) {
        return WELL_KNOWN.contains(value.strip().toLowerCase(Locale.ROOT));
    }
}
