package com.blingauto.support;

import com.blingauto.BlingAutoApplication;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A second, separately configured instance of the application (small rate limits, Redis unreachable…) for
 * the few tests that cannot use the suite's shared context. It runs on a random port against the suite's
 * embedded PostgreSQL, with the suite's settings unless overridden. Costs seconds: start one per test class
 * ({@code @BeforeAll}) and close it ({@code @AfterAll}).
 */
public final class SecondApplication implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondApplication(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts the application with the suite's properties, then {@code overrides} on top. */
    public static SecondApplication start(Map<String, Object> overrides) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String pair : IntegrationTest.class.getAnnotation(SpringBootTest.class).properties()) {
            int eq = pair.indexOf('=');
            properties.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        properties.putAll(TestInfrastructure.properties());
        properties.put("server.port", "0");
        properties.put("management.server.port", "0");
        properties.putAll(overrides);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BlingAutoApplication.class)
                .initializers(c -> c.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("secondApplication", properties)))
                .run();
        return new SecondApplication(context);
    }

    public int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public Api api() {
        return new Api(port());
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
