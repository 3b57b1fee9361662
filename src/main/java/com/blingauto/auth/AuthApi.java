package com.blingauto.auth;

import com.blingauto.shared.Role;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** Requests and representations of spec 01 §2–3. */
public final class AuthApi {

    /** AUTH-3 e-mail format. */
    public static final String EMAIL_PATTERN = "^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$";

    private AuthApi() {
    }

    public record LoginRequest(
            @NotNull @Size(max = 255) @Pattern(regexp = EMAIL_PATTERN, message = "Invalid email format") String email,
            @NotNull @Size(min = 1, max = 128) String password) {
    }

    public record LoginResponse(String accessToken, String refreshToken, String tokenType, long expiresIn, LoginUser user) {
    }

    public record LoginUser(UUID userId, String email, String fullName, Role role) {
    }

    /** The {@code User} representation. */
    public record UserResponse(
            UUID id,
            String email,
            String firstName,
            String lastName,
            String fullName,
            Role role,
            UserStatus status,
            String phoneNumber,
            boolean emailVerified,
            Instant createdAt,
            Instant lastLoginAt) {

        static UserResponse of(User user) {
            return new UserResponse(user.id(), user.email(), user.firstName(), user.lastName(), user.fullName(),
                    user.role(), user.status(), user.phoneNumber(), user.emailVerified(), user.createdAt(), user.lastLoginAt());
        }
    }
}
