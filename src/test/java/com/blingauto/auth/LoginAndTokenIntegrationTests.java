package com.blingauto.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import tools.jackson.databind.JsonNode;

/** Login (AUTH-4), the current user, and how every protected request is authenticated (CNV-36..38). */
@IntegrationTest
class LoginAndTokenIntegrationTests {

    static final String PASSWORD = "Correct-horse-1";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountLookup accountLookup;
    @Autowired
    JwtEncoder jwtEncoder;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void initialAdminExistsAndLogsIn() {
        Api.Response r = login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("token_type").asString()).isEqualTo("bearer");
        assertThat(body.get("expires_in").asInt()).isEqualTo(900);
        assertThat(body.get("refresh_token").asString()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(body.get("user").get("role").asString()).isEqualTo("admin");
        assertThat(body.get("user").get("full_name").asString()).isEqualTo("System Administrator");
        assertThat(r.header("Cache-Control")).contains("no-store");
        String hash = jdbc.sql("SELECT token_hash FROM refresh_tokens WHERE user_id = ? ORDER BY created_at DESC LIMIT 1")
                .param(UUID.fromString(body.get("user").get("user_id").asString())).query(String.class).single();
        assertThat(hash).isEqualTo(Secrets.sha256(body.get("refresh_token").asString()));
    }

    @Test
    void meReturnsTheCallerWithEveryField() {
        UUID id = user("me", "client", "active", true);
        Api.Response r = api.get("/api/v1/auth/me").bearer(token("me")).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode me = r.json();
        assertThat(me.get("id").asString()).isEqualTo(id.toString());
        assertThat(me.get("email").asString()).isEqualTo(email("me"));
        assertThat(me.get("role").asString()).isEqualTo("client");
        assertThat(me.get("status").asString()).isEqualTo("active");
        assertThat(me.get("email_verified").asBoolean()).isTrue();
        assertThat(me.has("phone_number")).isTrue();
        assertThat(me.get("phone_number").isNull()).isTrue();
        assertThat(Instant.parse(me.get("last_login_at").asString())).isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
        assertThat(me.has("password_hash")).isFalse();
    }

    @Test
    void wrongPasswordAndUnknownEmailAnswerAlike() {
        user("wrong", "client", "active", true);
        Api.Response wrong = login(email("wrong"), "Not-the-password-1");
        Api.Response unknown = login("nobody-" + UUID.randomUUID() + "@example.com", "Whatever-1");
        for (Api.Response r : new Api.Response[] {wrong, unknown}) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.error().get("code").asString()).isEqualTo("UNAUTHORIZED");
            assertThat(r.error().get("message").asString()).isEqualTo("Invalid email or password");
            assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
        assertThat(attempts("wrong")).isEqualTo(1);
    }

    @Test
    void fiveFailuresLockTheAccountForThirtyMinutesAndTheLockIsCheckedFirst() {
        user("lock", "client", "active", true);
        for (int i = 1; i <= 4; i++) {
            login(email("lock"), "Bad-password-" + i);
            assertThat(lockedUntil("lock")).isNull();
        }
        Instant before = Instant.now();
        login(email("lock"), "Bad-password-5");
        assertThat(attempts("lock")).isEqualTo(5);
        assertThat(lockedUntil("lock")).isCloseTo(before.plus(30, ChronoUnit.MINUTES), within(1, ChronoUnit.MINUTES));

        Api.Response locked = login(email("lock"), PASSWORD);
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.error().get("message").asString()).isEqualTo("Account is temporarily locked due to too many failed attempts");
        assertThat(attempts("lock")).isEqualTo(5);
    }

    @Test
    void successfulLoginResetsTheCounter() {
        user("reset", "client", "active", true);
        login(email("reset"), "Bad-password-1");
        assertThat(attempts("reset")).isEqualTo(1);
        assertThat(login(email("reset"), PASSWORD).status()).isEqualTo(200);
        assertThat(attempts("reset")).isZero();
    }

    @Test
    void inactiveAndUnverifiedAccountsCannotLogIn() {
        user("inactive", "client", "inactive", false);
        user("unverified", "client", "active", false);
        assertThat(login(email("inactive"), PASSWORD).error().get("message").asString()).isEqualTo("Account is not active");
        assertThat(login(email("unverified"), PASSWORD).error().get("message").asString()).isEqualTo("Email verification required");
    }

    @Test
    void loginInputIsValidated() {
        Api.Response r = api.post("/api/v1/auth/login", "{\"email\":\"not-an-email\",\"password\":\"\"}").send();
        assertThat(r.status()).isEqualTo(422);
        JsonNode errors = r.error().get("details").get("validation_errors");
        assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("body -> email", "body -> password");
        assertThat(errors.findValuesAsString("type")).containsExactlyInAnyOrder("format_invalid", "string_too_short");
    }

    @Test
    void missingOrNonBearerCredentialsAreNotAuthenticated() {
        for (String header : new String[] {null, "Basic dXNlcjpwYXNz", "Bearer ", "Bearer    "}) {
            Api.Call call = api.get("/api/v1/auth/me");
            if (header != null) {
                call.header("Authorization", header);
            }
            Api.Response r = call.send();
            assertThat(r.status()).as(String.valueOf(header)).isEqualTo(401);
            assertThat(r.error().get("message").asString()).isEqualTo("Not authenticated");
            assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
    }

    @Test
    void forgedExpiredAndMisusedTokensAreInvalid() {
        UUID id = user("forged", "admin", "active", true);
        String valid = token("forged");
        String[] parts = valid.split("\\.");
        String unsigned = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        String wrongSignature = parts[0] + "." + parts[1] + "." + b64("not the signature");
        String expired = mint(id, "access", Instant.now().minus(20, ChronoUnit.MINUTES), Instant.now().minusSeconds(5));
        String refreshType = mint(id, "refresh", Instant.now(), Instant.now().plusSeconds(600));
        for (String bad : new String[] {"garbage", unsigned, wrongSignature, expired, refreshType}) {
            Api.Response r = api.get("/api/v1/auth/me").bearer(bad).send();
            assertThat(r.status()).as(bad).isEqualTo(401);
            assertThat(r.error().get("message").asString()).as(bad).isEqualTo("Invalid token");
        }
        String refreshToken = login(email("forged"), PASSWORD).json().get("refresh_token").asString();
        assertThat(api.get("/api/v1/auth/me").bearer(refreshToken).send().error().get("message").asString()).isEqualTo("Invalid token");
    }

    @Test
    void tokensOfMissingInactiveOrRevokedUsersAreRefused() {
        String noSubject = mint(null, "access", Instant.now(), Instant.now().plusSeconds(600));
        assertThat(messageFor(noSubject)).isEqualTo("Invalid token payload");

        assertThat(messageFor(mint(UUID.randomUUID(), "access", Instant.now(), Instant.now().plusSeconds(600)))).isEqualTo("User not found");

        UUID id = user("deactivated", "client", "active", true);
        String token = token("deactivated");
        jdbc.sql("UPDATE users SET status = 'inactive' WHERE id = ?").param(id).update();
        accountLookup.evictLocal(id); // a change behind the API's back applies once the account cache forgets it
        assertThat(messageFor(token)).isEqualTo("User account is inactive");

        user("revoked", "client", "active", true);
        String revoked = token("revoked");
        String jti = new String(Base64.getUrlDecoder().decode(revoked.split("\\.")[1]), StandardCharsets.UTF_8)
                .replaceAll(".*\"jti\":\"([^\"]+)\".*", "$1");
        jdbc.sql("INSERT INTO revoked_access_tokens (jti, user_id, expires_at) VALUES (?, ?, ?)")
                .params(jti, id, Timestamp.from(Instant.now().plusSeconds(900))).update();
        assertThat(messageFor(revoked)).isEqualTo("Token has been revoked");
    }

    @Test
    void roleListIsCheckedBeforeTheBodyAndRoleChangesApplyOnTheNextRequest() {
        UUID id = user("roles", "client", "active", true);
        String token = token("roles");
        Api.Response forbidden = api.post("/test/managers", "{malformed").bearer(token).send();
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.error().get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(forbidden.error().get("message").asString()).isEqualTo("Requires one of: admin, manager");

        jdbc.sql("UPDATE users SET role = 'manager' WHERE id = ?").param(id).update();
        accountLookup.evictLocal(id); // a change behind the API's back applies once the account cache forgets it
        Api.Response nowAllowed = api.post("/test/managers", "{malformed").bearer(token).send();
        assertThat(nowAllowed.status()).isEqualTo(422);
        Api.Response ok = api.post("/test/managers", "{\"name\":\"a\",\"email\":\"a@b.co\"}").bearer(token).send();
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("user_id").asString()).isEqualTo(id.toString());
    }

    @Test
    void publicEndpointsIgnoreAnInvalidToken() {
        Api.Response r = api.post("/test/probe", "{\"name\":\"a\",\"email\":\"a@b.co\"}").bearer("garbage").send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(api.get("/health").bearer("garbage").send().status()).isEqualTo(200);
    }

    private String messageFor(String token) {
        Api.Response r = api.get("/api/v1/auth/me").bearer(token).send();
        assertThat(r.status()).isEqualTo(401);
        return r.error().get("message").asString();
    }

    private String mint(UUID subject, String type, Instant issuedAt, Instant expiresAt) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().claim("type", type).claim("role", "admin")
                .id(UUID.randomUUID().toString()).issuedAt(issuedAt).expiresAt(expiresAt);
        if (subject != null) {
            claims.subject(subject.toString());
        }
        return jwtEncoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build())).getTokenValue();
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private String email(String name) {
        return name + "-" + run + "@example.com";
    }

    private UUID user(String name, String role, String status, boolean verified) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO users (id, email, first_name, last_name, password_hash, role, status, email_verified, created_at, updated_at)
                VALUES (?, ?, 'Test', 'User', ?, ?, ?, ?, now(), now())""")
                .params(id, email(name), new BCryptPasswordEncoder(4).encode(PASSWORD), role, status, verified).update();
        return id;
    }

    private String token(String name) {
        Api.Response r = login(email(name), PASSWORD);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("access_token").asString();
    }

    private Api.Response login(String email, String password) {
        return api.post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}").send();
    }

    private int attempts(String name) {
        return jdbc.sql("SELECT failed_login_attempts FROM users WHERE email = ?").param(email(name)).query(Integer.class).single();
    }

    private Instant lockedUntil(String name) {
        Timestamp t = jdbc.sql("SELECT locked_until FROM users WHERE email = ?").param(email(name))
                .query((rs, n) -> rs.getTimestamp(1)).list().getFirst();
        return t == null ? null : t.toInstant();
    }
}
