package com.blingauto.auth;

import com.blingauto.shared.CurrentUser;
import com.blingauto.shared.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth")
class AuthController {

    private final AuthService auth;

    AuthController(AuthService auth) {
        this.auth = auth;
    }

    @PublicEndpoint
    @PostMapping("/login")
    @Operation(summary = "Log in with e-mail and password; returns an access and a refresh token")
    ResponseEntity<AuthApi.LoginResponse> login(@Valid @RequestBody AuthApi.LoginRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(auth.login(request));
    }

    @GetMapping("/me")
    @Operation(summary = "The authenticated user")
    AuthApi.UserResponse me(CurrentUser caller) {
        return auth.me(caller);
    }
}
