package com.blingauto.auth;

import com.blingauto.shared.CurrentUser;
import com.blingauto.shared.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Spec 01 E1–E8, E12–E14, E16: the caller's own account. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth")
class AuthController {

    private final AuthService auth;
    private final UserService users;

    AuthController(AuthService auth, UserService users) {
        this.auth = auth;
        this.users = users;
    }

    @PublicEndpoint
    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a client account; a verification e-mail is sent")
    AuthApi.RegisterResponse register(@Valid @RequestBody AuthApi.RegisterRequest request) {
        return auth.register(request);
    }

    @PublicEndpoint
    @PostMapping("/login")
    @Operation(summary = "Log in with e-mail and password; returns an access and a refresh token", security = {})
    ResponseEntity<AuthApi.LoginResponse> login(@Valid @RequestBody AuthApi.LoginRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(auth.login(request));
    }

    @PublicEndpoint
    @PostMapping("/refresh")
    @Operation(summary = "Exchange a refresh token for new tokens (rotation)", security = {})
    ResponseEntity<AuthApi.RefreshResponse> refresh(@Valid @RequestBody AuthApi.RefreshRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(auth.refresh(request));
    }

    @PublicEndpoint
    @PostMapping("/verify-email")
    @Operation(summary = "Verify the e-mail address with the token sent by e-mail", security = {})
    AuthApi.MessageResponse verifyEmail(@Valid @RequestBody AuthApi.TokenRequest request) {
        return auth.verifyEmail(request);
    }

    @PublicEndpoint
    @PostMapping("/resend-verification")
    @Operation(summary = "Send a new verification e-mail (extension)", security = {})
    AuthApi.MessageResponse resendVerification(@Valid @RequestBody AuthApi.EmailRequest request) {
        return auth.resendVerification(request);
    }

    @PublicEndpoint
    @PostMapping("/request-password-reset")
    @Operation(summary = "Send a password reset e-mail", security = {})
    AuthApi.MessageResponse requestPasswordReset(@Valid @RequestBody AuthApi.EmailRequest request) {
        return auth.requestPasswordReset(request);
    }

    @PublicEndpoint
    @PostMapping("/forgot-password")
    @Operation(summary = "Alias of request-password-reset", security = {})
    AuthApi.MessageResponse forgotPassword(@Valid @RequestBody AuthApi.EmailRequest request) {
        return auth.requestPasswordReset(request);
    }

    @PublicEndpoint
    @PostMapping("/reset-password")
    @Operation(summary = "Set a new password with the token sent by e-mail", security = {})
    AuthApi.MessageResponse resetPassword(@Valid @RequestBody AuthApi.ResetPasswordRequest request) {
        return auth.resetPassword(request);
    }

    @GetMapping("/me")
    @Operation(summary = "The authenticated user")
    AuthApi.UserResponse me(CurrentUser caller) {
        return auth.me(caller);
    }

    @PostMapping("/change-password")
    @Operation(summary = "Change the caller's password; every refresh token is revoked")
    AuthApi.SuccessResponse changePassword(CurrentUser caller, @Valid @RequestBody AuthApi.ChangePasswordRequest request) {
        return auth.changePassword(caller, request);
    }

    @PutMapping("/profile")
    @Operation(summary = "Update the caller's names and phone number")
    AuthApi.ProfileResponse updateProfile(CurrentUser caller, @Valid @RequestBody(required = false) AuthApi.UpdateProfileRequest request) {
        return users.updateProfile(caller, request == null ? new AuthApi.UpdateProfileRequest(null, null, null) : request);
    }

    @PostMapping("/logout")
    @Operation(summary = "Revoke the presented access token and every refresh token")
    AuthApi.SuccessResponse logout(CurrentUser caller) {
        return auth.logout(caller);
    }
}
