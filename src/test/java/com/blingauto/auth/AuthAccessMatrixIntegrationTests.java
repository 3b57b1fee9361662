package com.blingauto.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The role × endpoint matrix of spec 01 (CNV-36..39): every protected endpoint for each role and anonymously,
 * the public ones with and without a token, role changes on the next request, and a client's view limited to
 * its own data. Forged tokens on /me are in {@link LoginAndTokenIntegrationTests}.
 */
@IntegrationTest
class AuthAccessMatrixIntegrationTests {

    private static final String MANAGER_REQUIRED = "Manager access required";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AccountLookup accountLookup;
    Api api;
    AuthFixture fx;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fx = new AuthFixture(api, jdbc);
    }

    private static String adminOnly(String role) {
        return "User role '" + role + "' does not match required role 'admin'";
    }

    private Api.Response call(String method, String path, String json, String token) {
        Api.Call call = api.request(method, path, json);
        if (json != null) {
            call.header("Content-Type", "application/json");
        }
        if (token != null) {
            call.bearer(token);
        }
        return call.send();
    }

    private static void assertForbidden(Api.Response r, String message, String what) {
        assertThat(r.status()).as(what + " " + r.body()).isEqualTo(403);
        assertThat(r.error().get("code").asString()).as(what).isEqualTo("FORBIDDEN");
        assertThat(r.error().get("message").asString()).as(what).isEqualTo(message);
    }

    /**
     * Each row: the caller's role (or {@code anonymous}), then the status expected on E8–E15 and the 403 message
     * kind ({@code M+}, {@code A!} or {@code -}).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "admin,     200, 200, 200, 200, 400, 200, 200, 201",
            "manager,   200, 200, 403, 403, 400, 200, 200, 403",
            "washer,    200, 403, 403, 403, 400, 200, 200, 403",
            "client,    200, 403, 403, 403, 400, 200, 200, 403",
            "anonymous, 401, 401, 401, 401, 401, 401, 401, 401"})
    void roleByEndpoint(String role, int me, int list, int get, int changeRole, int changePassword, int profile, int logout,
                        int create) {
        String name = "matrix-" + role;
        UUID caller = null;
        String token = null;
        if (!role.equals("anonymous")) {
            caller = fx.activeUser(name, role);
            token = fx.accessToken(name);
        }
        UUID target = fx.activeUser(name + "-target", "client");
        String createdEmail = fx.email(name + "-created");

        Api.Response e8 = call("GET", "/api/v1/auth/me", null, token);
        expect(e8, me, null, role, "E8");
        if (me == 200) {
            assertThat(e8.json().get("id").asString()).isEqualTo(caller.toString());
            assertThat(e8.json().get("role").asString()).isEqualTo(role);
        }

        Api.Response e9 = call("GET", "/api/v1/auth/users?limit=1", null, token);
        expect(e9, list, MANAGER_REQUIRED, role, "E9");
        if (list == 200) {
            assertThat(e9.json().get("total").asLong()).isEqualTo(fx.count("SELECT count(*) FROM users"));
        }

        Api.Response e10 = call("GET", "/api/v1/auth/users/" + target, null, token);
        expect(e10, get, adminOnly(role), role, "E10");
        if (get == 200) {
            assertThat(e10.json().get("email").asString()).isEqualTo(fx.email(name + "-target"));
        } else {
            assertThat(e10.body()).doesNotContain(fx.email(name + "-target"));
        }

        Api.Response e11 = call("PATCH", "/api/v1/auth/users/" + target + "/role", "{\"role\":\"washer\"}", token);
        expect(e11, changeRole, adminOnly(role), role, "E11");
        assertThat(fx.count("SELECT count(*) FROM users WHERE id = ? AND role = ?", target, changeRole == 200 ? "washer" : "client"))
                .isEqualTo(1);

        Api.Response e12 = call("POST", "/api/v1/auth/change-password",
                "{\"current_password\":\"Not-my-password-1\",\"new_password\":\"Brand-new-pass-2\"}", token);
        expect(e12, changePassword, null, role, "E12");
        if (changePassword == 400) {
            assertThat(e12.error().get("message").asString()).isEqualTo("Current password is incorrect");
        }

        Api.Response e13 = call("PUT", "/api/v1/auth/profile", "{\"last_name\":\"matrix\"}", token);
        expect(e13, profile, null, role, "E13");
        if (profile == 200) {
            assertThat(fx.count("SELECT count(*) FROM users WHERE id = ? AND last_name = 'Matrix'", caller)).isEqualTo(1);
        }

        Api.Response e15 = call("POST", "/api/v1/auth/users", """
                {"email":"%s","password":"Created-pass-1","first_name":"New","last_name":"User","role":"client"}"""
                .formatted(createdEmail), token);
        expect(e15, create, adminOnly(role), role, "E15");
        assertThat(fx.count("SELECT count(*) FROM users WHERE email = ?", createdEmail)).isEqualTo(create == 201 ? 1 : 0);

        // last, as it revokes the token
        Api.Response e14 = call("POST", "/api/v1/auth/logout", null, token);
        expect(e14, logout, null, role, "E14");
        if (logout == 200) {
            assertThat(e14.json().get("message").asString()).isEqualTo("Successfully logged out from all devices");
            assertThat(call("GET", "/api/v1/auth/me", null, token).error().get("message").asString()).isEqualTo("Token has been revoked");
        }
    }

    private static void expect(Api.Response r, int status, String forbiddenMessage, String role, String endpoint) {
        String what = role + " on " + endpoint;
        assertThat(r.status()).as(what + " " + r.body()).isEqualTo(status);
        if (status == 403) {
            assertForbidden(r, forbiddenMessage, what);
        }
        if (status == 401) {
            assertThat(r.error().get("code").asString()).isEqualTo("UNAUTHORIZED");
            assertThat(r.error().get("message").asString()).as(what).isEqualTo("Not authenticated");
            assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "POST|/api/v1/auth/register",
            "POST|/api/v1/auth/login",
            "POST|/api/v1/auth/refresh",
            "POST|/api/v1/auth/verify-email",
            "POST|/api/v1/auth/request-password-reset",
            "POST|/api/v1/auth/forgot-password",
            "POST|/api/v1/auth/reset-password",
            "POST|/api/v1/auth/resend-verification"})
    void publicEndpointsNeedNoTokenAndIgnoreABadOne(String method, String path) {
        for (String token : new String[] {null, "garbage", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."}) {
            Api.Response r = call(method, path, "{}", token);
            assertThat(r.status()).as(path + " with " + token + " " + r.body()).isEqualTo(422);
            assertThat(r.error().get("code").asString()).isEqualTo("VALIDATION_ERROR");
            assertThat(r.header("WWW-Authenticate")).isNull();
        }
    }

    @ParameterizedTest(name = "{0} {1} as {3}")
    @CsvSource(delimiter = '|', value = {
            "GET|/api/v1/auth/users?limit=0||client|Manager access required",
            "POST|/api/v1/auth/users|{not json|manager|A!",
            "POST|/api/v1/auth/users|{\"email\":7}|washer|A!",
            "PATCH|/api/v1/auth/users/not-a-uuid/role|{not json|manager|A!",
            "GET|/api/v1/auth/users/not-a-uuid||client|A!"})
    void theRoleGuardAnswersBeforeValidationAndLookups(String method, String path, String json, String role, String message) {
        String name = "guard-" + role + "-" + method;
        fx.activeUser(name, role);
        Api.Response r = call(method, path, json, fx.accessToken(name));
        assertForbidden(r, message.equals("A!") ? adminOnly(role) : message, method + " " + path);
    }

    @Test
    void aRoleChangeAppliesToTheNextRequestWithTheSameToken() {
        UUID id = fx.activeUser("promoted", "client");
        String token = fx.accessToken("promoted");
        fx.activeUser("promoter", "admin");
        String admin = fx.accessToken("promoter");
        assertForbidden(call("GET", "/api/v1/auth/users", null, token), MANAGER_REQUIRED, "as client");

        for (String role : new String[] {"washer", "manager"}) {
            Api.Response r = call("PATCH", "/api/v1/auth/users/" + id + "/role", "{\"role\":\"" + role + "\"}", admin);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        Api.Response asManager = call("GET", "/api/v1/auth/users", null, token);
        assertThat(asManager.status()).as("token still claims client " + asManager.body()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/auth/me", null, token).json().get("role").asString()).isEqualTo("manager");
        assertForbidden(call("GET", "/api/v1/auth/users/" + id, null, token), adminOnly("manager"), "as manager");

        assertThat(call("PATCH", "/api/v1/auth/users/" + id + "/role", "{\"role\":\"admin\"}", admin).status()).isEqualTo(200);
        Api.Response asAdmin = call("GET", "/api/v1/auth/users/" + id, null, token);
        assertThat(asAdmin.status()).as(asAdmin.body()).isEqualTo(200);

        assertThat(call("PATCH", "/api/v1/auth/users/" + id + "/role", "{\"role\":\"manager\"}", admin).status()).isEqualTo(200);
        assertThat(call("PATCH", "/api/v1/auth/users/" + id + "/role", "{\"role\":\"washer\"}", admin).status()).isEqualTo(200);
        assertForbidden(call("GET", "/api/v1/auth/users", null, token), MANAGER_REQUIRED, "demoted to washer");
        assertThat(call("GET", "/api/v1/auth/me", null, token).json().get("role").asString()).isEqualTo("washer");
    }

    @Test
    void aClientOnlyEverSeesItsOwnData() {
        UUID mine = fx.activeUser("own-data", "client");
        UUID other = fx.activeUser("other-data", "client");
        String token = fx.accessToken("own-data");

        JsonNode me = call("GET", "/api/v1/auth/me", null, token).json();
        assertThat(me.get("id").asString()).isEqualTo(mine.toString());
        assertThat(me.toString()).doesNotContain(other.toString()).doesNotContain(fx.email("other-data"));

        for (Api.Response r : new Api.Response[] {
                call("GET", "/api/v1/auth/users/" + other, null, token),
                call("GET", "/api/v1/auth/users?role=client", null, token),
                call("PATCH", "/api/v1/auth/users/" + other + "/role", "{\"role\":\"washer\"}", token)}) {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.body()).doesNotContain(fx.email("other-data"));
        }

        Api.Response profile = call("PUT", "/api/v1/auth/profile", "{\"first_name\":\"Mallory\",\"user_id\":\"" + other + "\"}", token);
        assertThat(profile.json().get("user_id").asString()).isEqualTo(mine.toString());
        assertThat(fx.count("SELECT count(*) FROM users WHERE id = ? AND first_name = 'Test' AND role = 'client'", other)).isEqualTo(1);
    }

    @Test
    void aForgedAdminClaimGivesNoAccess() {
        UUID id = fx.activeUser("forged-claim", "client");
        String token = fx.accessToken("forged-claim");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"client\"", "\"admin\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
        for (String bad : new String[] {tampered, unsigned}) {
            Api.Response r = call("GET", "/api/v1/auth/users/" + id, null, bad);
            assertThat(r.status()).as(r.body()).isEqualTo(401);
            assertThat(r.error().get("message").asString()).isEqualTo("Invalid token");
            Api.Response create = call("POST", "/api/v1/auth/users", "{}", bad);
            assertThat(create.status()).isEqualTo(401);
        }
        assertThat(fx.count("SELECT count(*) FROM users WHERE id = ? AND role = 'client'", id)).isEqualTo(1);
    }

    @Test
    void theTokenOfADeletedUserIsRefused() {
        UUID id = fx.activeUser("deleted", "admin");
        String token = fx.accessToken("deleted");
        assertThat(call("GET", "/api/v1/auth/me", null, token).status()).isEqualTo(200);
        jdbc.sql("DELETE FROM users WHERE id = ?").param(id).update();
        accountLookup.evictLocal(id); // a change behind the API's back applies once the account cache forgets it
        for (String[] endpoint : new String[][] {{"GET", "/api/v1/auth/me"}, {"GET", "/api/v1/auth/users"}, {"POST", "/api/v1/auth/logout"}}) {
            Api.Response r = call(endpoint[0], endpoint[1], null, token);
            assertThat(r.status()).as(endpoint[1]).isEqualTo(401);
            assertThat(r.error().get("message").asString()).isEqualTo("User not found");
            assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
    }

    @Test
    void theTokenOfADeactivatedUserIsRefusedOnEveryProtectedEndpoint() {
        UUID id = fx.activeUser("deactivated-admin", "admin");
        String token = fx.accessToken("deactivated-admin");
        jdbc.sql("UPDATE users SET status = 'inactive' WHERE id = ?").param(id).update();
        accountLookup.evictLocal(id); // a change behind the API's back applies once the account cache forgets it
        for (String[] endpoint : new String[][] {{"GET", "/api/v1/auth/users"}, {"GET", "/api/v1/auth/users/" + id},
                {"POST", "/api/v1/auth/logout"}}) {
            Api.Response r = call(endpoint[0], endpoint[1], null, token);
            assertThat(r.status()).as(endpoint[1]).isEqualTo(401);
            assertThat(r.error().get("message").asString()).isEqualTo("User account is inactive");
        }
        Api.Response profile = call("PUT", "/api/v1/auth/profile", "{\"first_name\":\"Ghost\"}", token);
        assertThat(profile.status()).isEqualTo(401);
        assertThat(fx.count("SELECT count(*) FROM users WHERE id = ? AND first_name = 'Test'", id)).isEqualTo(1);
    }
}
