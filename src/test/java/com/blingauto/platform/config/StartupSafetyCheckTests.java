package com.blingauto.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.blingauto.BlingAutoApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/**
 * In staging and production the application refuses to start, with a one-line reason, on a missing, short or
 * well-known {@code SECRET_KEY} and on default passwords; development starts with anything (issue 2, item 8).
 */
class StartupSafetyCheckTests {

    static final String STRONG_SECRET = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"; // 64 chars
    static final String STRONG_PASSWORD = "Kq8-vWz2-Lp4x-Tn7r";

    static MockEnvironment safe() {
        return new MockEnvironment()
                .withProperty("SECRET_KEY", STRONG_SECRET)
                .withProperty("spring.datasource.password", STRONG_PASSWORD)
                .withProperty("spring.data.redis.password", STRONG_PASSWORD)
                .withProperty("INITIAL_ADMIN_PASSWORD", STRONG_PASSWORD);
    }

    static String refusal(String environment, MockEnvironment env) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> StartupSafetyCheck.verify(environment, env));
        assertThat(thrown).as("ENVIRONMENT=%s must refuse", environment).isInstanceOf(UnsafeConfigurationException.class);
        assertThat(thrown.getMessage()).as("one line").doesNotContain("\n").isNotBlank();
        return thrown.getMessage();
    }

    @Test
    void aSafeConfigurationStartsEverywhere() {
        assertThat(STRONG_SECRET).hasSize(StartupSafetyCheck.MIN_SECRET_LENGTH);
        for (String environment : new String[] {"development", "staging", "production"}) {
            assertThatCode(() -> StartupSafetyCheck.verify(environment, safe())).doesNotThrowAnyException();
        }
        // no Redis password and no initial admin: nothing to refuse
        MockEnvironment minimal = new MockEnvironment().withProperty("SECRET_KEY", STRONG_SECRET)
                .withProperty("spring.datasource.password", STRONG_PASSWORD);
        assertThatCode(() -> StartupSafetyCheck.verify("production", minimal)).doesNotThrowAnyException();
    }

    @Test
    void developmentAcceptsAnything() {
        MockEnvironment weak = new MockEnvironment()
                .withProperty("spring.datasource.password", "blingauto")
                .withProperty("spring.data.redis.password", "redis")
                .withProperty("INITIAL_ADMIN_PASSWORD", "admin123");
        assertThatCode(() -> StartupSafetyCheck.verify("development", weak)).doesNotThrowAnyException();
        weak.setProperty("SECRET_KEY", "short");
        assertThatCode(() -> StartupSafetyCheck.verify("development", weak)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void aMissingSecretKeyIsRefused(String environment) {
        MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.password", STRONG_PASSWORD);
        assertThat(refusal(environment, env)).isEqualTo("SECRET_KEY is not set (ENVIRONMENT=" + environment + ")");
        assertThat(refusal(environment, env.withProperty("SECRET_KEY", "   "))).startsWith("SECRET_KEY is not set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void aShortSecretKeyIsRefused(String environment) {
        String message = refusal(environment, safe().withProperty("SECRET_KEY", STRONG_SECRET.substring(1)));
        assertThat(message).startsWith("SECRET_KEY is shorter than 64 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret", "changeme", "your-secret-key-here", "dev-secret-key", "CHANGE-THIS-IN-PRODUCTION",
            "change-this-in-production-0123456789abcdef0123456789abcdef0123456789abcdef"})
    void aDefaultSecretKeyIsRefused(String secret) {
        assertThat(refusal("production", safe().withProperty("SECRET_KEY", secret))).startsWith("SECRET_KEY is a default value");
        assertThat(refusal("staging", safe().withProperty("SECRET_KEY", secret))).startsWith("SECRET_KEY is a default value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"blingauto", "postgres", "password", "changeme", ""})
    void aDefaultDatabasePasswordIsRefused(String password) {
        assertThat(refusal("production", safe().withProperty("spring.datasource.password", password)))
                .contains("database password is a default value").contains("POSTGRES_PASSWORD");
    }

    @Test
    void defaultRedisAndAdminPasswordsAreRefused() {
        assertThat(refusal("staging", safe().withProperty("spring.data.redis.password", "redis")))
                .isEqualTo("REDIS_PASSWORD is a default value");
        assertThat(refusal("production", safe().withProperty("INITIAL_ADMIN_PASSWORD", "Admin123")))
                .isEqualTo("INITIAL_ADMIN_PASSWORD is a default value");
    }

    @Test
    void theDefaultDatabasePasswordOfPostgresVariablesIsRefusedAtStartUp() {
        // no DATABASE_URL / POSTGRES_PASSWORD: PlatformEnvironment falls back to the well-known default
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> new SpringApplicationBuilder(BlingAutoApplication.class)
                .web(WebApplicationType.NONE)
                .properties("ENVIRONMENT=production", "SECRET_KEY=" + STRONG_SECRET, "spring.main.banner-mode=off")
                .run());
        assertThat(thrown).isInstanceOf(UnsafeConfigurationException.class)
                .hasMessageContaining("database password is a default value");

        FailureAnalysis analysis = new UnsafeConfigurationFailureAnalyzer().analyze(new IllegalStateException(thrown));
        assertThat(analysis.getDescription()).isEqualTo("Refusing to start: " + thrown.getMessage()).doesNotContain("\n");
        assertThat(analysis.getAction()).contains("README");
    }

    @Test
    void aRefusalIsReportedWithoutAStackTrace() {
        assertThat(new UnsafeConfigurationException("x").getStackTrace()).isEmpty();
    }
}
