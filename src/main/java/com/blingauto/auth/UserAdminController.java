package com.blingauto.auth;

import com.blingauto.shared.AllowedRoles;
import com.blingauto.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Spec 01 E9–E11, E15: user administration. */
@RestController
@RequestMapping("/api/v1/auth/users")
@Tag(name = "auth")
class UserAdminController {

    static final String ADMIN_ONLY = "User role '{role}' does not match required role 'admin'";

    private final UserService users;

    UserAdminController(UserService users) {
        this.users = users;
    }

    @AllowedRoles(value = {Role.ADMIN, Role.MANAGER}, message = "Manager access required")
    @GetMapping
    @Operation(summary = "List users (manager or admin)")
    AuthApi.UserList list(@RequestParam(name = "offset", defaultValue = "0") @Min(0) int offset,
                          @RequestParam(name = "limit", defaultValue = "20") @Min(1) @Max(100) int limit,
                          @RequestParam(name = "role", required = false) Role role,
                          @RequestParam(name = "status", required = false) UserStatus status) {
        return users.list(offset, limit, role, status);
    }

    @AllowedRoles(value = Role.ADMIN, message = ADMIN_ONLY)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user of any role, active and verified (admin, extension)")
    AuthApi.UserResponse create(@Valid @RequestBody AuthApi.CreateUserRequest request) {
        return users.create(request);
    }

    @AllowedRoles(value = Role.ADMIN, message = ADMIN_ONLY)
    @GetMapping("/{user_id}")
    @Operation(summary = "One user (admin)")
    AuthApi.UserResponse get(@PathVariable("user_id") String userId) {
        return users.get(userId);
    }

    @AllowedRoles(value = Role.ADMIN, message = ADMIN_ONLY)
    @PatchMapping("/{user_id}/role")
    @Operation(summary = "Change a user's role along the allowed transitions (admin)")
    AuthApi.UserResponse changeRole(@PathVariable("user_id") String userId, @Valid @RequestBody AuthApi.UpdateRoleRequest request) {
        return users.changeRole(userId, request.role());
    }
}
