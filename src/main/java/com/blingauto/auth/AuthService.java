package com.blingauto.auth;

import com.blingauto.shared.CurrentUser;
import com.blingauto.shared.NotFoundException;
import com.blingauto.shared.UnauthorizedException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Login and the current user (spec 01 E2, E8). */
@Service
public class AuthService {

    static final String INVALID_CREDENTIALS = "Invalid email or password";

    private final UserRepository users;
    private final Passwords passwords;
    private final TokenIssuer tokens;
    private final AuthSettings settings;
    private final Clock clock;

    AuthService(UserRepository users, Passwords passwords, TokenIssuer tokens, AuthSettings settings, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.settings = settings;
        this.clock = clock;
    }

    /** AUTH-4, steps in order; a wrong password is counted even though the call fails. */
    @Transactional(noRollbackFor = UnauthorizedException.class)
    public AuthApi.LoginResponse login(AuthApi.LoginRequest request) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        User user = users.findByEmail(request.email().strip().toLowerCase(Locale.ROOT)).orElse(null);
        if (user == null) {
            passwords.compareWithDummy(request.password());
            throw new UnauthorizedException(INVALID_CREDENTIALS);
        }
        if (user.isLocked(now)) {
            throw new UnauthorizedException("Account is temporarily locked due to too many failed attempts");
        }
        if (!passwords.matches(request.password(), user.passwordHash())) {
            users.recordFailedLogin(user.id(), now, settings.maxLoginAttempts(), settings.lockoutDurationMinutes());
            throw new UnauthorizedException(INVALID_CREDENTIALS);
        }
        if (user.status() != UserStatus.ACTIVE) {
            throw new UnauthorizedException("Account is not active");
        }
        if (!user.emailVerified()) {
            throw new UnauthorizedException("Email verification required");
        }
        user.loggedIn(now);
        TokenIssuer.Issued issued = tokens.issue(user);
        return new AuthApi.LoginResponse(issued.accessToken(), issued.refreshToken(), "bearer", issued.expiresIn(),
                new AuthApi.LoginUser(user.id(), user.email(), user.fullName(), user.role()));
    }

    @Transactional(readOnly = true)
    public AuthApi.UserResponse me(CurrentUser caller) {
        return users.findById(caller.id()).map(AuthApi.UserResponse::of)
                .orElseThrow(() -> new NotFoundException("User not found", caller.id()));
    }
}
