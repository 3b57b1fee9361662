package com.blingauto.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import com.blingauto.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * E-mail verification (AUTH-7, AUTH-17), password reset and change (AUTH-8, AUTH-11), refresh rotation and
 * reuse detection (AUTH-6), logout (AUTH-10) and the lockout schedule over time (AUTH-4), with the suite's
 * injected clock.
 */
@IntegrationTest
class TokenFlowsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OneTimeTokens oneTimeTokens;
    @Autowired
    TestClock clock;
    Api api;
    AuthFixture fx;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fx = new AuthFixture(api, jdbc);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String issue(OneTimeTokens.Kind kind, UUID userId, Duration lifetime) {
        return oneTimeTokens.issue(kind, userId, lifetime, clock.instant());
    }

    private Api.Response post(String path, String json) {
        return api.post(path, json).send();
    }

    private static void assertRule(Api.Response r, String rule, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.error().get("code").asString()).isEqualTo("BUSINESS_RULE_VIOLATION");
        assertThat(r.error().get("details").get("rule").asString()).isEqualTo(rule);
        assertThat(r.error().get("message").asString()).isEqualTo(message);
    }

    @Test
    void verificationActivatesTheAccountOnce() {
        UUID id = fx.user("verify", "client", "inactive", false);
        String token = issue(OneTimeTokens.Kind.VERIFICATION, id, AuthService.VERIFICATION_LIFETIME);
        Api.Response ok = post("/api/v1/auth/verify-email", "{\"token\":\"" + token + "\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("message").asString()).isEqualTo("Email verified successfully. Your account is now active.");
        assertThat(jdbc.sql("SELECT status FROM users WHERE id = ?").param(id).query(String.class).single()).isEqualTo("active");
        assertThat(fx.count("SELECT count(*) FROM users WHERE id = ? AND email_verified AND email_verified_at IS NOT NULL", id)).isEqualTo(1);
        assertThat(fx.loginAs("verify").status()).isEqualTo(200);

        assertRule(post("/api/v1/auth/verify-email", "{\"token\":\"" + token + "\"}"), "RG-AUTH-007", "Verification token has already been used");
    }

    @Test
    void verificationErrors() {
        Api.Response unknown = post("/api/v1/auth/verify-email", "{\"token\":\"no-such-token\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error().get("message").asString()).isEqualTo("Verification token not found");
        assertThat(unknown.error().has("details")).isFalse();

        UUID id = fx.user("verify-exp", "client", "inactive", false);
        String token = issue(OneTimeTokens.Kind.VERIFICATION, id, AuthService.VERIFICATION_LIFETIME);
        clock.advance(Duration.ofHours(24));
        assertRule(post("/api/v1/auth/verify-email", "{\"token\":\"" + token + "\"}"), "RG-AUTH-007", "Verification token has expired");

        UUID verified = fx.activeUser("already", "client");
        String late = issue(OneTimeTokens.Kind.VERIFICATION, verified, AuthService.VERIFICATION_LIFETIME);
        assertRule(post("/api/v1/auth/verify-email", "{\"token\":\"" + late + "\"}"), "RG-AUTH-007", "Email is already verified");

        Api.Response empty = post("/api/v1/auth/verify-email", "{\"token\":\"\"}");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.error().get("details").get("validation_errors").get(0).get("type").asString()).isEqualTo("string_too_short");
    }

    @Test
    void resendMakesEarlierTokensUnusableAndNeverRevealsAccounts() {
        UUID id = fx.user("resend", "client", "inactive", false);
        String first = issue(OneTimeTokens.Kind.VERIFICATION, id, AuthService.VERIFICATION_LIFETIME);
        String expected = "If the account exists and is not verified, a new verification email has been sent.";
        Api.Response resend = post("/api/v1/auth/resend-verification", "{\"email\":\"" + fx.email("resend").toUpperCase() + "\"}");
        assertThat(resend.status()).isEqualTo(200);
        assertThat(resend.json().get("message").asString()).isEqualTo(expected);
        assertThat(fx.count("SELECT count(*) FROM email_verification_tokens WHERE user_id = ?", id)).isEqualTo(2);
        assertThat(fx.count("SELECT count(*) FROM email_verification_tokens WHERE user_id = ? AND used_at IS NULL", id)).isEqualTo(1);
        assertRule(post("/api/v1/auth/verify-email", "{\"token\":\"" + first + "\"}"), "RG-AUTH-007", "Verification token has already been used");

        Api.Response unknown = post("/api/v1/auth/resend-verification", "{\"email\":\"nobody-" + UUID.randomUUID() + "@example.com\"}");
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.json().get("message").asString()).isEqualTo(expected);
        UUID verified = fx.activeUser("resend-verified", "client");
        post("/api/v1/auth/resend-verification", "{\"email\":\"" + fx.email("resend-verified") + "\"}");
        assertThat(fx.count("SELECT count(*) FROM email_verification_tokens WHERE user_id = ?", verified)).isZero();
    }

    @Test
    void passwordResetRequestAnswersAlikeAndIssuesATokenOnlyForKnownUsers() {
        UUID id = fx.activeUser("reset-req", "client");
        String expected = "If the email exists, a password reset link has been sent.";
        for (String path : new String[] {"/api/v1/auth/request-password-reset", "/api/v1/auth/forgot-password"}) {
            Api.Response known = post(path, "{\"email\":\"" + fx.email("reset-req") + "\"}");
            Api.Response unknown = post(path, "{\"email\":\"nobody-" + UUID.randomUUID() + "@example.com\"}");
            assertThat(known.status()).isEqualTo(200);
            assertThat(unknown.status()).isEqualTo(200);
            assertThat(known.json().get("message").asString()).isEqualTo(expected);
            assertThat(unknown.json().get("message").asString()).isEqualTo(expected);
        }
        assertThat(fx.count("SELECT count(*) FROM password_reset_tokens WHERE user_id = ?", id)).isEqualTo(2);
        assertThat(fx.count("SELECT count(*) FROM password_reset_tokens WHERE user_id = ? AND used_at IS NULL", id)).isEqualTo(1);
    }

    @Test
    void passwordResetSetsTheNewPasswordRevokesSessionsAndLiftsTheLock() {
        UUID id = fx.activeUser("reset", "client");
        String refresh = fx.loginAs("reset").json().get("refresh_token").asString();
        jdbc.sql("UPDATE users SET failed_login_attempts = 7, locked_until = ? WHERE id = ?")
                .params(java.sql.Timestamp.from(Instant.now().plus(Duration.ofHours(1))), id).update();
        String token = issue(OneTimeTokens.Kind.RESET, id, AuthService.RESET_LIFETIME);

        Api.Response weak = post("/api/v1/auth/reset-password", "{\"token\":\"" + token + "\",\"new_password\":\"123456789\"}");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.error().get("details").get("field").asString()).isEqualTo("new_password");

        Api.Response ok = post("/api/v1/auth/reset-password", "{\"token\":\"" + token + "\",\"new_password\":\"Brand-new-pass-2\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("message").asString()).isEqualTo("Password reset successfully. You can now login with your new password.");
        assertThat(fx.login(fx.email("reset"), AuthFixture.PASSWORD).status()).isEqualTo(401);
        assertThat(fx.login(fx.email("reset"), "Brand-new-pass-2").status()).isEqualTo(200);
        assertThat(post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + refresh + "\"}").status()).isEqualTo(401);
        assertThat(fx.count("SELECT count(*) FROM users WHERE id = ? AND password_changed_at IS NOT NULL", id)).isEqualTo(1);

        assertRule(post("/api/v1/auth/reset-password", "{\"token\":\"" + token + "\",\"new_password\":\"Another-pass-3\"}"),
                "RG-AUTH-008", "Password reset token has already been used");
    }

    @Test
    void passwordResetErrors() {
        Api.Response unknown = post("/api/v1/auth/reset-password", "{\"token\":\"nope\",\"new_password\":\"Brand-new-pass-2\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error().get("message").asString()).isEqualTo("Password reset token not found");

        UUID id = fx.activeUser("reset-exp", "client");
        String token = issue(OneTimeTokens.Kind.RESET, id, AuthService.RESET_LIFETIME);
        clock.advance(Duration.ofHours(1));
        assertRule(post("/api/v1/auth/reset-password", "{\"token\":\"" + token + "\",\"new_password\":\"Brand-new-pass-2\"}"),
                "RG-AUTH-008", "Password reset token has expired");

        Api.Response shortPw = post("/api/v1/auth/reset-password", "{\"token\":\"" + token + "\",\"new_password\":\"short\"}");
        assertThat(shortPw.status()).isEqualTo(422);
    }

    @Test
    void changePasswordRevokesRefreshTokensButKeepsTheAccessToken() {
        fx.activeUser("change", "client");
        JsonNode session = fx.loginAs("change").json();
        String access = session.get("access_token").asString();

        Api.Response same = api.post("/api/v1/auth/change-password", "{\"current_password\":\"" + AuthFixture.PASSWORD
                + "\",\"new_password\":\"" + AuthFixture.PASSWORD + "\"}").bearer(access).send();
        assertThat(same.status()).isEqualTo(422);
        JsonNode item = same.error().get("details").get("validation_errors").get(0);
        assertThat(item.get("message").asString()).isEqualTo("New password must be different from current password");
        assertThat(item.get("type").asString()).isEqualTo("value_error");

        Api.Response wrong = api.post("/api/v1/auth/change-password", "{\"current_password\":\"Wrong-pass-1\",\"new_password\":\"Brand-new-pass-2\"}")
                .bearer(access).send();
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.error().get("message").asString()).isEqualTo("Current password is incorrect");
        assertThat(wrong.error().get("details").get("field").asString()).isEqualTo("current_password");

        Api.Response ok = api.post("/api/v1/auth/change-password", "{\"current_password\":\"" + AuthFixture.PASSWORD
                + "\",\"new_password\":\"Brand-new-pass-2\"}").bearer(access).send();
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("success").asBoolean()).isTrue();
        assertThat(ok.json().get("message").asString()).isEqualTo("Password changed successfully. Please login again with your new password.");
        assertThat(post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + session.get("refresh_token").asString() + "\"}").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/auth/me").bearer(access).send().status()).isEqualTo(200);
        assertThat(fx.login(fx.email("change"), "Brand-new-pass-2").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/change-password", "{}").send().status()).isEqualTo(401);
    }

    @Test
    void refreshRotatesAndAReusedTokenRevokesTheFamily() {
        UUID id = fx.activeUser("rotate", "client");
        String first = fx.loginAs("rotate").json().get("refresh_token").asString();
        Api.Response rotated = post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + first + "\"}");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(rotated.header("Cache-Control")).contains("no-store");
        JsonNode body = rotated.json();
        assertThat(body.get("token_type").asString()).isEqualTo("bearer");
        assertThat(body.get("expires_in").asInt()).isEqualTo(900);
        String second = body.get("refresh_token").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(api.get("/api/v1/auth/me").bearer(body.get("access_token").asString()).send().status()).isEqualTo(200);
        assertThat(fx.count("SELECT count(*) FROM refresh_tokens WHERE token_hash = ? AND revoked_at IS NOT NULL AND replaced_by IS NOT NULL",
                Secrets.sha256(first))).isEqualTo(1);

        Api.Response reuse = post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + first + "\"}");
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.error().get("message").asString()).isEqualTo("Refresh token expired or revoked");
        assertThat(post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + second + "\"}").status()).isEqualTo(401);
        assertThat(fx.count("SELECT count(*) FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NULL", id)).isZero();
    }

    @Test
    void refreshErrors() {
        Api.Response unknown = post("/api/v1/auth/refresh", "{\"refresh_token\":\"not-a-token\"}");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.error().get("message").asString()).isEqualTo("Invalid refresh token");
        assertThat(unknown.header("WWW-Authenticate")).isEqualTo("Bearer");

        UUID id = fx.activeUser("refresh-inactive", "client");
        String token = fx.loginAs("refresh-inactive").json().get("refresh_token").asString();
        jdbc.sql("UPDATE users SET status = 'inactive' WHERE id = ?").param(id).update();
        assertThat(post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + token + "\"}").error().get("message").asString())
                .isEqualTo("User not found or inactive");

        fx.activeUser("refresh-expired", "client");
        String old = fx.loginAs("refresh-expired").json().get("refresh_token").asString();
        clock.advance(Duration.ofDays(7));
        assertThat(post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + old + "\"}").error().get("message").asString())
                .isEqualTo("Refresh token expired or revoked");
    }

    @Test
    void ofTwoConcurrentRefreshesExactlyOneSucceeds() throws Exception {
        fx.activeUser("race", "client");
        for (int round = 0; round < 5; round++) {
            String token = fx.loginAs("race").json().get("refresh_token").asString();
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(() -> new Api(port).post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + token + "\"}").send().status());
            }
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : pool.invokeAll(calls)) {
                    statuses.add(f.get());
                }
                assertThat(statuses).containsExactlyInAnyOrder(200, 401);
            }
        }
    }

    @Test
    void logoutRevokesThePresentedTokenAndEverySession() {
        UUID id = fx.activeUser("logout", "client");
        JsonNode first = fx.loginAs("logout").json();
        JsonNode other = fx.loginAs("logout").json();
        String access = first.get("access_token").asString();
        Api.Response out = api.post("/api/v1/auth/logout", null).bearer(access).send();
        assertThat(out.status()).as(out.body()).isEqualTo(200);
        assertThat(out.json().get("success").asBoolean()).isTrue();
        assertThat(out.json().get("message").asString()).isEqualTo("Successfully logged out from all devices");

        Api.Response again = api.get("/api/v1/auth/me").bearer(access).send();
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.error().get("message").asString()).isEqualTo("Token has been revoked");
        assertThat(api.get("/api/v1/auth/me").bearer(other.get("access_token").asString()).send().status()).isEqualTo(200);
        assertThat(post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + other.get("refresh_token").asString() + "\"}").status()).isEqualTo(401);
        assertThat(fx.count("SELECT count(*) FROM revoked_access_tokens WHERE user_id = ?", id)).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NULL", id)).isZero();
    }

    @Test
    void eachFailureSetsTheLockOfItsCountAndTheLockEndsWithTime() {
        fx.activeUser("schedule", "client");
        String email = fx.email("schedule");
        for (int failure = 1; failure <= 21; failure++) {
            Api.Response r = fx.login(email, "Bad-password-" + failure);
            assertThat(r.error().get("message").asString()).as("failure %d", failure).isEqualTo("Invalid email or password");
            long expected = User.lockFor(failure, 5, Duration.ofMinutes(30)).toMinutes();
            assertThat(expected).isEqualTo(failure < 5 ? 0 : failure < 10 ? 30 : failure < 15 ? 60 : failure < 20 ? 90 : 120);
            Instant now = clock.instant();
            Instant lockedUntil = jdbc.sql("SELECT locked_until FROM users WHERE email = ?").param(email)
                    .query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).list().getFirst();
            if (expected == 0) {
                assertThat(lockedUntil).as("failure %d", failure).isNull();
                continue;
            }
            assertThat(Duration.between(now, lockedUntil).toSeconds()).as("failure %d", failure)
                    .isBetween(expected * 60 - 5, expected * 60);
            Api.Response locked = fx.login(email, AuthFixture.PASSWORD);
            assertThat(locked.error().get("message").asString()).isEqualTo("Account is temporarily locked due to too many failed attempts");
            clock.advance(Duration.ofMinutes(expected).plusSeconds(1));
        }
        assertThat(fx.count("SELECT failed_login_attempts FROM users WHERE email = ?", email)).isEqualTo(21);
        assertThat(fx.login(email, AuthFixture.PASSWORD).status()).isEqualTo(200);
        assertThat(fx.count("SELECT failed_login_attempts FROM users WHERE email = ?", email)).isZero();
    }
}
