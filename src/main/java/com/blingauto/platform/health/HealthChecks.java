package com.blingauto.platform.health;

import com.blingauto.platform.redis.RedisGate;
import com.sun.management.OperatingSystemMXBean;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The probes behind the health endpoints; each gives up after 2 s and never reports internals. */
@Component
class HealthChecks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HealthChecks.class);
    private static final long TIMEOUT_MS = 2000;

    private final DataSource dataSource;
    private final ObjectProvider<RedisGate> redis;
    private final ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor();
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    HealthChecks(DataSource dataSource, ObjectProvider<RedisGate> redis) {
        this.dataSource = dataSource;
        this.redis = redis;
    }

    Future<HealthResponses.DependencyCheck> database() {
        return probes.submit(() -> timed(() -> {
            try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement()) {
                st.setQueryTimeout(2);
                st.execute("SELECT 1");
            }
            return true;
        }));
    }

    Future<HealthResponses.DependencyCheck> redis() {
        RedisGate gate = redis.getIfAvailable();
        if (gate == null) {
            return java.util.concurrent.CompletableFuture.completedFuture(HealthResponses.DependencyCheck.notConfigured());
        }
        return probes.submit(() -> timed(() -> gate.call(c -> c.sync().ping()).isPresent()));
    }

    static HealthResponses.DependencyCheck await(Future<HealthResponses.DependencyCheck> check) {
        try {
            return check.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            check.cancel(true);
            return HealthResponses.DependencyCheck.unhealthy("timeout");
        } catch (Exception e) {
            return HealthResponses.DependencyCheck.unhealthy("connection failed");
        }
    }

    HealthResponses.SystemCheck system() {
        double cpu = Math.max(0, os.getCpuLoad()) * 100;
        long total = os.getTotalMemorySize();
        double memory = total <= 0 ? 0 : (total - os.getFreeMemorySize()) * 100.0 / total;
        File workingDir = new File(".").getAbsoluteFile();
        long diskTotal = workingDir.getTotalSpace();
        double disk = diskTotal <= 0 ? 0 : (diskTotal - workingDir.getUsableSpace()) * 100.0 / diskTotal;
        String status = cpu >= 90 || memory >= 90 ? "degraded" : "healthy";
        return new HealthResponses.SystemCheck(status, round1(cpu), round1(memory), round1(disk));
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static HealthResponses.DependencyCheck timed(Callable<Boolean> probe) {
        long started = System.nanoTime();
        try {
            if (probe.call()) {
                return HealthResponses.DependencyCheck.healthy((System.nanoTime() - started) / 1e6);
            }
        } catch (Exception e) {
            log.debug("Health probe failed", e);
        }
        return HealthResponses.DependencyCheck.unhealthy("connection failed");
    }


    @Override
    public void close() {
        probes.shutdownNow();
    }
}
