package com.blingauto.platform.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Reads the operator's environment variables (named as in the deployment guide) into Spring properties, and
 * refuses an unsafe configuration in staging and production before anything starts.
 * <ul>
 *   <li>{@code DATABASE_URL} ({@code postgresql://user:pass@host:port/db}, also {@code postgres://},
 *   {@code postgresql+asyncpg://} and {@code jdbc:postgresql://}) or {@code POSTGRES_HOST/PORT/DB/USER/PASSWORD};</li>
 *   <li>{@code REDIS_URL} or {@code REDIS_HOST/PORT/PASSWORD}; neither means Redis is not configured;</li>
 *   <li>{@code ENVIRONMENT}: staging and production log JSON; production hides {@code /docs} and {@code /openapi.json}.</li>
 * </ul>
 */
public class PlatformEnvironment implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "blingautoEnvironment";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> props = new LinkedHashMap<>();
        database(env, props);
        redis(env, props);
        String environment = env.getProperty("ENVIRONMENT", "development").strip().toLowerCase(Locale.ROOT);
        props.put("blingauto.app.environment", environment);
        if (environment.equals("staging") || environment.equals("production")) {
            props.put("logging.structured.format.console", "ecs");
        }
        if (environment.equals("production")) {
            props.put("springdoc.api-docs.enabled", "false");
            props.put("springdoc.swagger-ui.enabled", "false");
        }
        env.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, props));
        StartupSafetyCheck.verify(environment, env);
    }

    private static void database(ConfigurableEnvironment env, Map<String, Object> props) {
        String url = env.getProperty("DATABASE_URL");
        if (has(url)) {
            DatabaseUrl parsed = DatabaseUrl.parse(url);
            props.put("spring.datasource.url", parsed.jdbcUrl());
            if (parsed.username() != null) {
                props.put("spring.datasource.username", parsed.username());
            }
            if (parsed.password() != null) {
                props.put("spring.datasource.password", parsed.password());
            }
            return;
        }
        if (has(env.getProperty("spring.datasource.url"))) {
            return;
        }
        String host = env.getProperty("POSTGRES_HOST", "localhost");
        String port = env.getProperty("POSTGRES_PORT", "5432");
        String db = env.getProperty("POSTGRES_DB", "blingauto");
        props.put("spring.datasource.url", "jdbc:postgresql://%s:%s/%s".formatted(host, port, db));
        props.put("spring.datasource.username", env.getProperty("POSTGRES_USER", "blingauto"));
        props.put("spring.datasource.password", env.getProperty("POSTGRES_PASSWORD", StartupSafetyCheck.DEFAULT_DB_PASSWORD));
    }

    private static void redis(ConfigurableEnvironment env, Map<String, Object> props) {
        String url = env.getProperty("REDIS_URL");
        String host = env.getProperty("REDIS_HOST");
        boolean configured = has(url) || has(host);
        props.put("blingauto.redis.configured", configured);
        if (has(url)) {
            props.put("spring.data.redis.url", url);
        } else if (has(host)) {
            props.put("spring.data.redis.host", host);
            props.put("spring.data.redis.port", env.getProperty("REDIS_PORT", "6379"));
        }
        String password = env.getProperty("REDIS_PASSWORD");
        if (has(password)) {
            props.put("spring.data.redis.password", password);
        }
    }

    private static boolean has(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public int getOrder() {
        // after the config data (application.yml, environment variables) is loaded
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** A PostgreSQL URL in the forms operators already use, turned into JDBC terms. */
    record DatabaseUrl(String jdbcUrl, String username, String password) {

        static DatabaseUrl parse(String raw) {
            String url = raw.strip();
            if (url.startsWith("jdbc:")) {
                return new DatabaseUrl(url, null, null);
            }
            URI uri = URI.create(url.replaceFirst("^[a-z0-9+]+://", "postgresql://"));
            if (uri.getHost() == null) {
                throw new UnsafeConfigurationException("DATABASE_URL is not a PostgreSQL URL (postgresql://user:password@host:5432/db)");
            }
            String user = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                user = decode(parts[0]);
                password = parts.length > 1 ? decode(parts[1]) : null;
            }
            int port = uri.getPort() > 0 ? uri.getPort() : 5432;
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/postgres" : uri.getRawPath();
            return new DatabaseUrl("jdbc:postgresql://%s:%d%s%s".formatted(uri.getHost(), port, path, query), user, password);
        }

        /** Percent-decoding of URL user info, where '+' is a plus (URLDecoder alone would make it a space). */
        private static String decode(String s) {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
    }
}
