package com.blingauto.auth;

import com.blingauto.shared.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Requests and representations of spec 01 §2–3. */
public final class AuthApi {

    /** AUTH-3 e-mail format, at most 255 characters (a longer address is a format error too). */
    public static final String EMAIL_PATTERN = "^(?=.{1,255}$)[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$";
    /** After removing spaces and {@code - ( ) .}: {@code ^\+?\d+$}. */
    static final String PHONE_PATTERN = "^[\\s\\-().]*\\+?[\\s\\-().]*\\d[\\d\\s\\-().]*$";
    /** Profile phones: at least 10 digits, or the empty string that clears the number. */
    static final String PROFILE_PHONE_PATTERN = "^$|^[\\s\\-().]*\\+?([\\s\\-().]*\\d){10,}[\\s\\-().]*$";

    private AuthApi() {
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    public record RegisterRequest(
            @NotNull @Pattern(regexp = EMAIL_PATTERN, message = "Invalid email format") String email,
            @NotNull @Size(min = 8, max = 128) String password,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @Size(max = 20) @Pattern(regexp = PHONE_PATTERN, message = "Invalid phone number format") String phoneNumber) {

        public RegisterRequest {
            email = strip(email);
            firstName = strip(firstName);
            lastName = strip(lastName);
        }
    }

    public record RegisterResponse(UUID userId, String email, String fullName, String message) {
    }

    public record LoginRequest(
            @NotNull @Pattern(regexp = EMAIL_PATTERN, message = "Invalid email format") String email,
            @NotNull @Size(min = 1, max = 128) String password) {

        public LoginRequest {
            email = strip(email);
        }
    }

    public record LoginResponse(String accessToken, String refreshToken, String tokenType, long expiresIn, LoginUser user) {
    }

    public record LoginUser(UUID userId, String email, String fullName, Role role) {
    }

    public record RefreshRequest(@NotNull @Size(min = 1, max = 512) String refreshToken) {
    }

    public record RefreshResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {
    }

    public record TokenRequest(@NotNull @Size(min = 1, max = 512) String token) {
    }

    public record EmailRequest(
            @NotNull @Pattern(regexp = EMAIL_PATTERN, message = "Invalid email format") String email) {

        public EmailRequest {
            email = strip(email);
        }
    }

    public record ResetPasswordRequest(
            @NotNull @Size(min = 1, max = 512) String token,
            @NotNull @Size(min = 8, max = 128) String newPassword) {
    }

    public record ChangePasswordRequest(
            @NotNull @Size(min = 1, max = 128) String currentPassword,
            @NotNull @Size(min = 8, max = 128) String newPassword) {
    }

    public record UpdateProfileRequest(
            @Size(min = 2, max = 100) String firstName,
            @Size(min = 2, max = 100) String lastName,
            @Size(max = 20) @Pattern(regexp = PROFILE_PHONE_PATTERN, message = "Phone number must be at least 10 digits") String phoneNumber) {
    }

    public record UpdateRoleRequest(@NotNull Role role) {
    }

    public record CreateUserRequest(
            @NotNull @Pattern(regexp = EMAIL_PATTERN, message = "Invalid email format") String email,
            @NotNull @Size(min = 8, max = 128) String password,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @Size(max = 20) @Pattern(regexp = PHONE_PATTERN, message = "Invalid phone number format") String phoneNumber,
            @NotNull Role role) {

        public CreateUserRequest {
            email = strip(email);
            firstName = strip(firstName);
            lastName = strip(lastName);
        }
    }

    public record MessageResponse(String message) {
    }

    public record SuccessResponse(boolean success, String message) {
    }

    public record ProfileResponse(UUID userId, String email, String firstName, String lastName, String phoneNumber,
                                  Instant updatedAt) {

        static ProfileResponse of(User user) {
            return new ProfileResponse(user.id(), user.email(), user.firstName(), user.lastName(), user.phoneNumber(),
                    user.updatedAt());
        }
    }

    public record UserList(List<UserResponse> users, long total, int offset, int limit) {
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
