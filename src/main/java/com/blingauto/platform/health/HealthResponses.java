package com.blingauto.platform.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** Bodies of {@code /health}, {@code /ready} and {@code /live} (CNV-43). */
final class HealthResponses {

    private HealthResponses() {
    }

    record Health(String status, Instant timestamp, String version, String environment, Checks checks) {
    }

    record Checks(DependencyCheck database, DependencyCheck redis, SystemCheck system) {
    }

    record DependencyCheck(String status, Double latencyMs, @JsonInclude(JsonInclude.Include.NON_NULL) String error) {

        static DependencyCheck healthy(double latencyMs) {
            return new DependencyCheck("healthy", Math.round(latencyMs * 100) / 100.0, null);
        }

        static DependencyCheck unhealthy(String error) {
            return new DependencyCheck("unhealthy", null, error);
        }

        static DependencyCheck notConfigured() {
            return new DependencyCheck("not_configured", null, null);
        }

        boolean isHealthy() {
            return "healthy".equals(status);
        }
    }

    record SystemCheck(String status, double cpuPercent, double memoryPercent, double diskPercent) {
    }

    record Ready(boolean ready, Instant timestamp, ReadyChecks checks) {
    }

    record ReadyChecks(DependencyCheck database) {
    }

    record Live(String status, Instant timestamp) {
    }
}
