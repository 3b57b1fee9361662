package com.blingauto.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/**
 * The operator's variables ({@code DATABASE_URL} or {@code POSTGRES_*}, {@code REDIS_URL} or
 * {@code REDIS_*}, {@code ENVIRONMENT}) become the Spring properties the application runs on.
 */
class PlatformEnvironmentTests {

    static MockEnvironment process(MockEnvironment env) {
        new PlatformEnvironment().postProcessEnvironment(env, new SpringApplication());
        return env;
    }

    static MockEnvironment env(String... pairs) {
        MockEnvironment env = new MockEnvironment();
        for (int i = 0; i < pairs.length; i += 2) {
            env.setProperty(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void databaseUrlInThePreviousImplementationsFormsBecomesJdbc() {
        MockEnvironment e = process(env("DATABASE_URL", "postgresql://app:s%40cr%3At@db.internal:5433/blingauto"));
        assertThat(e.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.internal:5433/blingauto");
        assertThat(e.getProperty("spring.datasource.username")).isEqualTo("app");
        assertThat(e.getProperty("spring.datasource.password")).isEqualTo("s@cr:t");

        e = process(env("DATABASE_URL", "postgres://app:pw@db/blingauto"));
        assertThat(e.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:5432/blingauto");

        e = process(env("DATABASE_URL", "postgresql+asyncpg://app:pw@db:5432/blingauto?sslmode=require"));
        assertThat(e.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:5432/blingauto?sslmode=require");
        assertThat(e.getProperty("spring.datasource.username")).isEqualTo("app");
        assertThat(e.getProperty("spring.datasource.password")).isEqualTo("pw");
    }

    @Test
    void aPlusInTheDatabasePasswordIsKept() {
        // URL user info is percent-encoded, not form-encoded: '+' is a plus, not a space
        MockEnvironment e = process(env("DATABASE_URL", "postgresql://app:pa+ss%2Bword@db:5432/blingauto"));
        assertThat(e.getProperty("spring.datasource.password")).isEqualTo("pa+ss+word");
    }

    @Test
    void aJdbcDatabaseUrlIsUsedAsItIs() {
        MockEnvironment e = process(env("DATABASE_URL", "jdbc:postgresql://db:6543/other?user=x",
                "spring.datasource.username", "kept"));
        assertThat(e.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:6543/other?user=x");
        assertThat(e.getProperty("spring.datasource.username")).isEqualTo("kept");
    }

    @Test
    void databaseUrlWinsOverPostgresVariables() {
        MockEnvironment e = process(env("DATABASE_URL", "postgresql://u:p@from-url:5432/a",
                "POSTGRES_HOST", "from-vars", "POSTGRES_PASSWORD", "other"));
        assertThat(e.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://from-url:5432/a");
        assertThat(e.getProperty("spring.datasource.password")).isEqualTo("p");
    }

    @Test
    void aDatabaseUrlWithoutHostIsRefused() {
        assertThatThrownBy(() -> process(env("DATABASE_URL", "not a url at all")))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> process(env("DATABASE_URL", "postgresql:///blingauto")))
                .isInstanceOf(UnsafeConfigurationException.class)
                .hasMessageContaining("DATABASE_URL");
    }

    @Test
    void postgresVariablesMakeTheJdbcUrl() {
        MockEnvironment e = process(env("POSTGRES_HOST", "pg", "POSTGRES_PORT", "5544", "POSTGRES_DB", "wash",
                "POSTGRES_USER", "washer", "POSTGRES_PASSWORD", "Str0ng-pass"));
        assertThat(e.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://pg:5544/wash");
        assertThat(e.getProperty("spring.datasource.username")).isEqualTo("washer");
        assertThat(e.getProperty("spring.datasource.password")).isEqualTo("Str0ng-pass");
    }

    @Test
    void withNothingSetTheDefaultsAreLocal() {
        MockEnvironment e = process(env());
        assertThat(e.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://localhost:5432/blingauto");
        assertThat(e.getProperty("spring.datasource.username")).isEqualTo("blingauto");
        assertThat(e.getProperty("spring.datasource.password")).isEqualTo(StartupSafetyCheck.DEFAULT_DB_PASSWORD);
        assertThat(e.getProperty("blingauto.redis.configured", Boolean.class)).isFalse();
        assertThat(e.getProperty("spring.data.redis.url")).isNull();
        assertThat(e.getProperty("blingauto.app.environment")).isEqualTo("development");
        assertThat(e.getProperty("logging.structured.format.console")).isNull();
    }

    @Test
    void anExplicitDatasourceUrlIsKeptWithoutDatabaseUrl() {
        // the embedded default and the tests set spring.datasource.url directly
        MockEnvironment e = process(env("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/x",
                "POSTGRES_HOST", "ignored"));
        assertThat(e.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://127.0.0.1:1/x");
    }

    @Test
    void redisUrlConfiguresRedis() {
        MockEnvironment e = process(env("REDIS_URL", "redis://:pw@cache:6380/0"));
        assertThat(e.getProperty("blingauto.redis.configured", Boolean.class)).isTrue();
        assertThat(e.getProperty("spring.data.redis.url")).isEqualTo("redis://:pw@cache:6380/0");
    }

    @Test
    void redisHostPortAndPasswordConfigureRedis() {
        MockEnvironment e = process(env("REDIS_HOST", "cache", "REDIS_PORT", "6390", "REDIS_PASSWORD", "R3dis-pass"));
        assertThat(e.getProperty("blingauto.redis.configured", Boolean.class)).isTrue();
        assertThat(e.getProperty("spring.data.redis.host")).isEqualTo("cache");
        assertThat(e.getProperty("spring.data.redis.port")).isEqualTo("6390");
        assertThat(e.getProperty("spring.data.redis.password")).isEqualTo("R3dis-pass");
        assertThat(e.getProperty("spring.data.redis.url")).isNull();

        e = process(env("REDIS_HOST", "cache"));
        assertThat(e.getProperty("spring.data.redis.port")).isEqualTo("6379");
        assertThat(e.getProperty("spring.data.redis.password")).isNull();
    }

    @Test
    void blankRedisVariablesMeanNotConfigured() {
        MockEnvironment e = process(env("REDIS_URL", " ", "REDIS_HOST", ""));
        assertThat(e.getProperty("blingauto.redis.configured", Boolean.class)).isFalse();
    }

    @Test
    void stagingAndProductionLogJsonAndProductionHidesTheDocs() {
        String[] safe = {"SECRET_KEY", StartupSafetyCheckTests.STRONG_SECRET, "POSTGRES_PASSWORD", StartupSafetyCheckTests.STRONG_PASSWORD};
        MockEnvironment staging = process(env(safe).withProperty("ENVIRONMENT", "Staging"));
        assertThat(staging.getProperty("blingauto.app.environment")).isEqualTo("staging");
        assertThat(staging.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(staging.getProperty("springdoc.api-docs.enabled")).isNull();

        MockEnvironment production = process(env(safe).withProperty("ENVIRONMENT", " production "));
        assertThat(production.getProperty("blingauto.app.environment")).isEqualTo("production");
        assertThat(production.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(production.getProperty("springdoc.api-docs.enabled")).isEqualTo("false");
        assertThat(production.getProperty("springdoc.swagger-ui.enabled")).isEqualTo("false");
    }

    @Test
    void productionWithTheDefaultDatabasePasswordIsRefused() {
        assertThatThrownBy(() -> process(env("ENVIRONMENT", "production", "SECRET_KEY", StartupSafetyCheckTests.STRONG_SECRET)))
                .isInstanceOf(UnsafeConfigurationException.class)
                .hasMessageContaining("database password");
        assertThatThrownBy(() -> process(env("ENVIRONMENT", "production", "SECRET_KEY", StartupSafetyCheckTests.STRONG_SECRET,
                "DATABASE_URL", "postgresql://blingauto:blingauto@db:5432/blingauto")))
                .isInstanceOf(UnsafeConfigurationException.class)
                .hasMessageContaining("database password");
    }
}
