package com.blingauto.auth;

import com.blingauto.shared.BusinessRuleViolationException;
import com.blingauto.shared.ConflictException;
import com.blingauto.shared.CurrentUser;
import com.blingauto.shared.DomainValidationException;
import com.blingauto.shared.InvalidRequestException;
import com.blingauto.shared.NotFoundException;
import com.blingauto.shared.Throttle;
import com.blingauto.shared.TooManyRequestsException;
import com.blingauto.shared.UnauthorizedException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registration, login, tokens, e-mail verification and passwords (spec 01 E1–E8, E12, E14, E16). */
@Service
public class AuthService {

    static final String INVALID_CREDENTIALS = "Invalid email or password";
    static final Duration VERIFICATION_LIFETIME = Duration.ofHours(24);
    static final Duration RESET_LIFETIME = Duration.ofHours(1);

    private final UserRepository users;
    private final Passwords passwords;
    private final TokenIssuer tokens;
    private final RefreshTokens refreshTokens;
    private final OneTimeTokens oneTimeTokens;
    private final ApplicationEventPublisher events;
    private final Throttle throttle;
    private final JdbcClient jdbc;
    private final AuthSettings settings;
    private final Clock clock;
    private final AccountLookup accounts;

    AuthService(UserRepository users, Passwords passwords, TokenIssuer tokens, RefreshTokens refreshTokens,
                OneTimeTokens oneTimeTokens, ApplicationEventPublisher events, Throttle throttle, JdbcClient jdbc,
                AuthSettings settings, Clock clock, AccountLookup accounts) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.oneTimeTokens = oneTimeTokens;
        this.events = events;
        this.throttle = throttle;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.accounts = accounts;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** AUTH-1, AUTH-2, AUTH-3: an inactive client, and a verification e-mail after commit. */
    @Transactional
    public AuthApi.RegisterResponse register(AuthApi.RegisterRequest request) {
        String email = UserInput.email(request.email());
        PasswordPolicy.check(request.password(), "password");
        UserInput.refuseDisposable(email);
        if (users.findByEmail(email).isPresent()) {
            throw emailTaken();
        }
        Instant now = now();
        User user = User.registered(email, UserInput.name(request.firstName()), UserInput.name(request.lastName()),
                UserInput.phone(request.phoneNumber()), passwords.hash(request.password()), now);
        saveNew(user);
        issueVerification(user, now);
        return new AuthApi.RegisterResponse(user.id(), user.email(), user.fullName(),
                "Registration successful. Please check your email to verify your account.");
    }

    void saveNew(User user) {
        try {
            users.saveAndFlush(user);
        } catch (DataIntegrityViolationException e) {
            if (isUniqueViolation(e)) {
                throw emailTaken();
            }
            throw e;
        }
    }

    /** Only the unique e-mail index means "already registered"; any other integrity failure is not a conflict. */
    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState().equals("23505");
            }
        }
        return false;
    }

    static ConflictException emailTaken() {
        return new ConflictException("Email address already registered", "email");
    }

    /** AUTH-4, steps in order; a wrong password is counted even though the call fails. */
    @Transactional(noRollbackFor = UnauthorizedException.class)
    public AuthApi.LoginResponse login(AuthApi.LoginRequest request) {
        String email = UserInput.email(request.email());
        throttle.tryAcquire("login:" + email, settings.loginAttemptsPerMinute(), Duration.ofMinutes(1)).ifPresent(wait -> {
            throw new TooManyRequestsException("Too many login attempts for this account; try again later", wait);
        });
        Instant now = now();
        User user = users.findByEmail(email).orElse(null);
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
        users.recordSuccessfulLogin(user.id(), now);
        TokenIssuer.Issued issued = tokens.issue(user, UUID.randomUUID());
        return new AuthApi.LoginResponse(issued.accessToken(), issued.refreshToken(), "bearer", issued.expiresIn(),
                new AuthApi.LoginUser(user.id(), user.email(), user.fullName(), user.role()));
    }

    /**
     * AUTH-6: rotation. Of two concurrent refreshes with one token exactly one wins; presenting a token that
     * was already rotated is a reuse and revokes its whole family.
     */
    @Transactional(noRollbackFor = UnauthorizedException.class)
    public AuthApi.RefreshResponse refresh(AuthApi.RefreshRequest request) {
        Instant now = now();
        RefreshTokens.Stored stored = refreshTokens.findByHash(Secrets.sha256(request.refreshToken()))
                .orElseThrow(() -> new UnauthorizedException("Invalid refresh token"));
        if (stored.revokedAt() != null || !stored.expiresAt().isAfter(now)) {
            if (stored.replacedBy() != null) {
                refreshTokens.revokeFamily(stored.familyId(), now);
            }
            throw new UnauthorizedException("Refresh token expired or revoked");
        }
        User user = users.findById(stored.userId())
                .filter(u -> u.status() == UserStatus.ACTIVE)
                .orElseThrow(() -> new UnauthorizedException("User not found or inactive"));
        TokenIssuer.Issued issued = tokens.issue(user, stored.familyId());
        if (!refreshTokens.rotate(stored.id(), issued.refreshTokenId(), now)) {
            refreshTokens.revokeFamily(stored.familyId(), now);
            throw new UnauthorizedException("Refresh token expired or revoked");
        }
        return new AuthApi.RefreshResponse(issued.accessToken(), issued.refreshToken(), "bearer", issued.expiresIn());
    }

    /** AUTH-10: the presented access token is denied until its expiry; every refresh token is revoked. */
    @Transactional
    public AuthApi.SuccessResponse logout(CurrentUser caller) {
        Instant now = now();
        if (caller.tokenId() != null) {
            Instant expires = caller.tokenExpiresAt() == null ? now.plus(Duration.ofMinutes(settings.accessTokenExpireMinutes()))
                    : caller.tokenExpiresAt();
            jdbc.sql("DELETE FROM revoked_access_tokens WHERE expires_at < ?").param(Timestamp.from(now)).update();
            jdbc.sql("INSERT INTO revoked_access_tokens (jti, user_id, expires_at) VALUES (?, ?, ?) ON CONFLICT (jti) DO NOTHING")
                    .params(caller.tokenId(), caller.id(), Timestamp.from(expires)).update();
        }
        refreshTokens.revokeAllOf(caller.id(), now);
        accounts.evictAfterCommit(caller.id());
        return new AuthApi.SuccessResponse(true, "Successfully logged out from all devices");
    }

    /** AUTH-7. */
    @Transactional
    public AuthApi.MessageResponse verifyEmail(AuthApi.TokenRequest request) {
        Instant now = now();
        OneTimeTokens.Stored token = oneTimeTokens.redeemable(OneTimeTokens.Kind.VERIFICATION, request.token(), now);
        User user = users.findById(token.userId()).orElseThrow(() -> new NotFoundException("Verification token not found"));
        if (user.emailVerified()) {
            throw new BusinessRuleViolationException("AUTH", 7, "Email is already verified");
        }
        user.verifyEmail(now);
        oneTimeTokens.markUsed(OneTimeTokens.Kind.VERIFICATION, token.id(), now);
        return new AuthApi.MessageResponse("Email verified successfully. Your account is now active.");
    }

    /** AUTH-17: the answer never tells whether the account exists. */
    @Transactional
    public AuthApi.MessageResponse resendVerification(AuthApi.EmailRequest request) {
        users.findByEmail(UserInput.email(request.email()))
                .filter(user -> !user.emailVerified())
                .ifPresent(user -> issueVerification(user, now()));
        return new AuthApi.MessageResponse("If the account exists and is not verified, a new verification email has been sent.");
    }

    /** AUTH-8 (E5, E6): the answer never tells whether the account exists. */
    @Transactional
    public AuthApi.MessageResponse requestPasswordReset(AuthApi.EmailRequest request) {
        users.findByEmail(UserInput.email(request.email())).ifPresent(user -> {
            Instant now = now();
            String token = oneTimeTokens.issue(OneTimeTokens.Kind.RESET, user.id(), RESET_LIFETIME, now);
            events.publishEvent(new PasswordResetTokenIssued(user.id(), user.email(), user.fullName(), token, now.plus(RESET_LIFETIME)));
        });
        return new AuthApi.MessageResponse("If the email exists, a password reset link has been sent.");
    }

    /** AUTH-8 (E7). */
    @Transactional
    public AuthApi.MessageResponse resetPassword(AuthApi.ResetPasswordRequest request) {
        Instant now = now();
        OneTimeTokens.Stored token = oneTimeTokens.redeemable(OneTimeTokens.Kind.RESET, request.token(), now);
        PasswordPolicy.check(request.newPassword(), "new_password");
        User user = users.findById(token.userId()).orElseThrow(() -> new NotFoundException("Password reset token not found"));
        user.resetPassword(passwords.hash(request.newPassword()), now);
        oneTimeTokens.markUsed(OneTimeTokens.Kind.RESET, token.id(), now);
        refreshTokens.revokeAllOf(user.id(), now);
        return new AuthApi.MessageResponse("Password reset successfully. You can now login with your new password.");
    }

    /** AUTH-11. */
    @Transactional
    public AuthApi.SuccessResponse changePassword(CurrentUser caller, AuthApi.ChangePasswordRequest request) {
        if (request.newPassword().equals(request.currentPassword())) {
            throw new InvalidRequestException("body -> new_password", "New password must be different from current password", "value_error");
        }
        User user = users.findById(caller.id()).orElseThrow(() -> new UnauthorizedException("User not found"));
        if (!passwords.matches(request.currentPassword(), user.passwordHash())) {
            throw new DomainValidationException("Current password is incorrect", "current_password");
        }
        Instant now = now();
        user.changePassword(passwords.hash(request.newPassword()), now);
        refreshTokens.revokeAllOf(user.id(), now);
        return new AuthApi.SuccessResponse(true, "Password changed successfully. Please login again with your new password.");
    }

    @Transactional(readOnly = true)
    public AuthApi.UserResponse me(CurrentUser caller) {
        return users.findById(caller.id()).map(AuthApi.UserResponse::of)
                .orElseThrow(() -> new NotFoundException("User not found", caller.id()));
    }

    private void issueVerification(User user, Instant now) {
        String token = oneTimeTokens.issue(OneTimeTokens.Kind.VERIFICATION, user.id(), VERIFICATION_LIFETIME, now);
        events.publishEvent(new EmailVerificationTokenIssued(user.id(), user.email(), user.fullName(), token,
                now.plus(VERIFICATION_LIFETIME)));
    }
}
