package com.blingauto.platform.health;

import com.blingauto.platform.config.AppSettings;
import com.blingauto.shared.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Future;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "health")
class HealthController {

    private final HealthChecks checks;
    private final AppSettings app;
    private final Clock clock;

    HealthController(HealthChecks checks, AppSettings app, Clock clock) {
        this.checks = checks;
        this.app = app;
        this.clock = clock;
    }

    @PublicEndpoint
    @GetMapping("/health")
    @Operation(summary = "Overall health: database, Redis and system checks; 503 when unhealthy")
    ResponseEntity<HealthResponses.Health> health() {
        Future<HealthResponses.DependencyCheck> db = checks.database();
        Future<HealthResponses.DependencyCheck> redisProbe = checks.redis();
        HealthResponses.DependencyCheck database = HealthChecks.await(db);
        HealthResponses.DependencyCheck redis = HealthChecks.await(redisProbe);
        HealthResponses.SystemCheck system = checks.system();
        String status;
        if (!database.isHealthy()) {
            status = "unhealthy";
        } else if ("unhealthy".equals(redis.status()) || "degraded".equals(system.status())) {
            status = "degraded";
        } else {
            status = "healthy";
        }
        var body = new HealthResponses.Health(status, clock.instant().truncatedTo(ChronoUnit.MICROS), app.version(),
                app.environment(), new HealthResponses.Checks(database, redis, system));
        return ResponseEntity.status("unhealthy".equals(status) ? 503 : 200).body(body);
    }

    @PublicEndpoint
    @GetMapping("/ready")
    @Operation(summary = "Readiness: 200 when the database answers, otherwise 503")
    ResponseEntity<HealthResponses.Ready> ready() {
        HealthResponses.DependencyCheck database = HealthChecks.await(checks.database());
        var body = new HealthResponses.Ready(database.isHealthy(), clock.instant().truncatedTo(ChronoUnit.MICROS),
                new HealthResponses.ReadyChecks(database));
        return ResponseEntity.status(database.isHealthy() ? 200 : 503).body(body);
    }

    @PublicEndpoint
    @GetMapping("/live")
    @Operation(summary = "Liveness: 200 while the process runs")
    HealthResponses.Live live() {
        return new HealthResponses.Live("alive", clock.instant().truncatedTo(ChronoUnit.MICROS));
    }
}
