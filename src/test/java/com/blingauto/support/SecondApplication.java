package com.blingauto.support;

import com.blingauto.BlingAutoApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
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
    private final Path tomcatDirectory;

    private SecondApplication(ConfigurableApplicationContext context, Path tomcatDirectory) {
        this.context = context;
        this.tomcatDirectory = tomcatDirectory;
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
        properties.put("management.server.port", "-1");
        // Tomcat's own temporary directory would outlive the JVM; this one goes with close()
        Path tomcatDirectory;
        try {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(tmp);
            tomcatDirectory = Files.createTempDirectory(tmp, "second-app");
            // again at exit, should a Tomcat thread still have been writing to it at close()
            Path created = tomcatDirectory;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(created), "second-app-cleanup"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.put("server.tomcat.basedir", tomcatDirectory.toString());
        properties.putAll(overrides);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(BlingAutoApplication.class)
                .initializers(c -> c.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("secondApplication", properties)))
                .run();
        return new SecondApplication(context, tomcatDirectory);
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
        try {
            context.close();
        } finally {
            delete(tomcatDirectory);
        }
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // under target/, goes with mvn clean
        }
    }
}
