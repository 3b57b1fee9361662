package com.blingauto.support;

import com.blingauto.shared.AllowedRoles;
import com.blingauto.shared.CurrentUser;
import com.blingauto.shared.PublicEndpoint;
import com.blingauto.shared.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoints that exercise the platform's conventions (validation, errors, roles) with real HTTP,
 * before business modules exist. Only present in the test suite's context.
 */
@RestController
@ConditionalOnProperty("blingauto.test.probes")
class ProbeController {

    /** The advisory lock {@code /test/lock} waits for, at most 200 ms. */
    static final long LOCK_KEY = 4_242_424_242L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ProbeController(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    record ProbeRequest(
            @NotBlank @Size(max = 10) String name,
            @NotNull @Email String email,
            @Min(1) @Max(5) Integer count,
            UUID reference,
            Role role,
            @Size(min = 1, max = 2) List<String> tags) {
    }

    @PublicEndpoint
    @PostMapping("/test/probe")
    Map<String, Object> echo(@Valid @RequestBody ProbeRequest request) {
        return Map.of("first_name_echo", request.name(), "count", request.count() == null ? 0 : request.count());
    }

    @PublicEndpoint
    @GetMapping("/test/probe")
    Map<String, Object> query(@RequestParam(name = "page_size", defaultValue = "1") int pageSize) {
        return Map.of("page_size", pageSize);
    }

    @PublicEndpoint
    @GetMapping("/test/boom")
    Map<String, Object> boom() {
        throw new IllegalStateException("SELECT * FROM users WHERE secret = 'x' -- internal detail");
    }

    @PublicEndpoint
    @PostMapping("/test/lock")
    Map<String, Object> lock() {
        return transactions.execute(status -> {
            jdbc.sql("SET LOCAL lock_timeout = '200ms'").update();
            jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK_KEY).query().singleRow();
            return Map.of("locked", true);
        });
    }

    @AllowedRoles({Role.ADMIN, Role.MANAGER})
    @PostMapping("/test/managers")
    Map<String, Object> managers(CurrentUser user, @Valid @RequestBody ProbeRequest request) {
        return Map.of("user_id", user.id());
    }

    @GetMapping("/test/me")
    Map<String, Object> me(CurrentUser user) {
        return Map.of("user_id", user.id(), "role", user.role());
    }
}
