package com.blingauto.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Bad input on every body-taking endpoint of spec 01 (CNV-6, CNV-7, CNV-11, CNV-12, CNV-30): malformed JSON,
 * wrong types, missing fields, over-long strings, invalid e-mails, huge bodies, other media types — always a 4xx
 * in the envelope and nothing written. Register's own cases are in {@link RegistrationIntegrationTests}.
 */
@IntegrationTest
class AuthBadInputIntegrationTests {

    /** Every body-taking endpoint: method, path, whether it needs a token (admin for the admin ones). */
    private static final List<String[]> ENDPOINTS = List.of(
            new String[] {"POST", "/api/v1/auth/register", ""},
            new String[] {"POST", "/api/v1/auth/login", ""},
            new String[] {"POST", "/api/v1/auth/refresh", ""},
            new String[] {"POST", "/api/v1/auth/verify-email", ""},
            new String[] {"POST", "/api/v1/auth/request-password-reset", ""},
            new String[] {"POST", "/api/v1/auth/forgot-password", ""},
            new String[] {"POST", "/api/v1/auth/reset-password", ""},
            new String[] {"POST", "/api/v1/auth/resend-verification", ""},
            new String[] {"POST", "/api/v1/auth/change-password", "token"},
            new String[] {"PUT", "/api/v1/auth/profile", "token"},
            new String[] {"POST", "/api/v1/auth/users", "token"},
            new String[] {"PATCH", "/api/v1/auth/users/{id}/role", "token"});

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;
    AuthFixture fx;
    UUID adminId;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fx = new AuthFixture(api, jdbc);
        adminId = fx.activeUser("bad-input-admin", "admin");
        admin = fx.accessToken("bad-input-admin");
    }

    private Api.Response send(String[] endpoint, String body, String contentType) {
        Api.Call call = api.request(endpoint[0], endpoint[1].replace("{id}", adminId.toString()), body);
        if (contentType != null) {
            call.header("Content-Type", contentType);
        }
        if (!endpoint[2].isEmpty()) {
            call.bearer(admin);
        }
        return call.send();
    }

    private static JsonNode onlyError(Api.Response r, String what) {
        assertThat(r.status()).as(what + " " + r.body()).isEqualTo(422);
        assertThat(r.error().get("code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(r.error().get("message").asString()).isEqualTo("Request validation failed");
        assertThat(r.error().get("request_id").asString()).isEqualTo(r.header("X-Request-ID"));
        JsonNode errors = r.error().get("details").get("validation_errors");
        assertThat(errors.size()).as(what).isEqualTo(1);
        return errors.get(0);
    }

    private long users() {
        return fx.count("SELECT count(*) FROM users");
    }

    private long writes() {
        return fx.count("SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM email_verification_tokens)"
                + " + (SELECT count(*) FROM password_reset_tokens) + (SELECT count(*) FROM refresh_tokens)"
                + " + (SELECT count(*) FROM revoked_access_tokens)");
    }

    private void assertAdminUnchanged() {
        assertThat(fx.count("SELECT count(*) FROM users WHERE id = ? AND role = 'admin' AND first_name = 'Test' AND last_name = 'User'"
                + " AND phone_number IS NULL AND password_changed_at IS NULL", adminId)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"email\": ", "{email: 'a@b.co'}", "[]", "[{\"email\":\"a@b.co\"}]", "\"a string\"", "42", "null",
            "{\"email\":\"a@b.co\"} trailing", "{\"email\":\"a@b.co\",}"})
    void malformedOrNonObjectJsonIsJsonInvalidEverywhere(String body) {
        long before = writes();
        for (String[] endpoint : ENDPOINTS) {
            JsonNode item = onlyError(send(endpoint, body, "application/json"), endpoint[1] + " " + body);
            assertThat(item.get("field").asString()).isEqualTo("body");
            assertThat(item.get("message").asString()).isEqualTo("Malformed JSON body");
            assertThat(item.get("type").asString()).isEqualTo("json_invalid");
        }
        assertThat(writes()).isEqualTo(before);
        assertAdminUnchanged();
    }

    @Test
    void aTwoMegabyteBodyIsTooLargeEverywhere() {
        String huge = "{\"email\":\"huge@example.com\",\"first_name\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        long before = writes();
        for (String[] endpoint : ENDPOINTS) {
            Api.Response r = send(endpoint, huge, "application/json");
            assertThat(r.status()).as(endpoint[1]).isEqualTo(413);
            assertThat(r.error().get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
            assertThat(r.error().get("message").asString()).isEqualTo("Request body too large");
        }
        assertThat(writes()).isEqualTo(before);
        assertAdminUnchanged();
    }

    @Test
    void aBodyJustUnderOneMebibyteIsParsed() {
        String email = fx.email("almost-huge");
        String body = "{\"email\":\"" + email + "\",\"padding\":\"" + "x".repeat(1024 * 1024 - 100) + "\"}";
        Api.Response r = send(ENDPOINTS.get(4), body, "application/json");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void otherMediaTypesAre415() {
        long before = writes();
        for (String[] endpoint : ENDPOINTS) {
            Api.Response r = send(endpoint, "email=a@b.co", "application/x-www-form-urlencoded");
            assertThat(r.status()).as(endpoint[1] + " " + r.body()).isEqualTo(415);
            assertThat(r.error().get("code").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
            assertThat(r.error().get("message").asString()).isEqualTo("Content type 'application/x-www-form-urlencoded' is not supported");
            Api.Response text = send(endpoint, "{\"email\":\"a@b.co\"}", "text/plain");
            assertThat(text.status()).as(endpoint[1]).isEqualTo(415);
        }
        assertThat(writes()).isEqualTo(before);
        Api.Response charset = send(ENDPOINTS.get(4), "{\"email\":\"" + fx.email("charset") + "\"}", "application/json; charset=UTF-8");
        assertThat(charset.status()).as("a charset parameter is allowed").isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/auth/login|{\"email\":42,\"password\":\"x\"}|body -> email",
            "/api/v1/auth/login|{\"email\":\"a@b.co\",\"password\":[\"x\"]}|body -> password",
            "/api/v1/auth/login|{\"email\":{\"v\":\"a@b.co\"},\"password\":\"x\"}|body -> email",
            "/api/v1/auth/refresh|{\"refresh_token\":12345}|body -> refresh_token",
            "/api/v1/auth/refresh|{\"refresh_token\":true}|body -> refresh_token",
            "/api/v1/auth/verify-email|{\"token\":1.5}|body -> token",
            "/api/v1/auth/request-password-reset|{\"email\":false}|body -> email",
            "/api/v1/auth/forgot-password|{\"email\":[]}|body -> email",
            "/api/v1/auth/resend-verification|{\"email\":7}|body -> email",
            "/api/v1/auth/reset-password|{\"token\":\"t\",\"new_password\":12345678}|body -> new_password",
            "/api/v1/auth/change-password|{\"current_password\":1,\"new_password\":\"Brand-new-pass-2\"}|body -> current_password",
            "/api/v1/auth/profile|{\"first_name\":[\"Ann\"]}|body -> first_name",
            "/api/v1/auth/users|{\"email\":\"x@example.com\",\"password\":\"Fine-pass-1\",\"first_name\":\"A\",\"last_name\":\"B\",\"role\":1}|body -> role",
            "/api/v1/auth/users|{\"email\":\"x@example.com\",\"password\":\"Fine-pass-1\",\"first_name\":true,\"last_name\":\"B\",\"role\":\"client\"}|body -> first_name",
            "/api/v1/auth/users/{id}/role|{\"role\":[\"admin\"]}|body -> role"})
    void wrongJsonTypesAreTypeInvalidWithTheirField(String path, String body, String field) {
        String[] endpoint = ENDPOINTS.stream().filter(e -> e[1].equals(path)).findFirst().orElseThrow();
        long before = writes();
        JsonNode item = onlyError(send(endpoint, body, "application/json"), path);
        assertThat(item.get("field").asString()).isEqualTo(field);
        assertThat(item.get("type").asString()).isIn("type_invalid", "enum");
        assertThat(writes()).isEqualTo(before);
        assertAdminUnchanged();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/auth/login|body -> email,body -> password",
            "/api/v1/auth/refresh|body -> refresh_token",
            "/api/v1/auth/verify-email|body -> token",
            "/api/v1/auth/request-password-reset|body -> email",
            "/api/v1/auth/forgot-password|body -> email",
            "/api/v1/auth/resend-verification|body -> email",
            "/api/v1/auth/reset-password|body -> token,body -> new_password",
            "/api/v1/auth/change-password|body -> current_password,body -> new_password",
            "/api/v1/auth/users|body -> email,body -> password,body -> first_name,body -> last_name,body -> role",
            "/api/v1/auth/users/{id}/role|body -> role",
            "/api/v1/auth/register|body -> email,body -> password,body -> first_name,body -> last_name"})
    void missingAndNullRequiredFieldsAreReportedTogether(String path, String fields) {
        String[] endpoint = ENDPOINTS.stream().filter(e -> e[1].equals(path)).findFirst().orElseThrow();
        List<String> expected = List.of(fields.split(","));
        StringBuilder nulls = new StringBuilder("{");
        for (String field : expected) {
            nulls.append(nulls.length() > 1 ? "," : "").append('"').append(field.substring("body -> ".length())).append("\":null");
        }
        nulls.append('}');
        long before = writes();
        for (String body : new String[] {"{}", nulls.toString(), "{\"unknown\":1}"}) {
            Api.Response r = send(endpoint, body, "application/json");
            assertThat(r.status()).as(path + " " + body + " " + r.body()).isEqualTo(422);
            JsonNode errors = r.error().get("details").get("validation_errors");
            assertThat(errors.findValuesAsString("field")).as(body).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(errors.findValuesAsString("type")).containsOnly("missing");
        }
        Api.Response none = send(endpoint, null, "application/json");
        assertThat(none.status()).as(path + " without a body").isEqualTo(422);
        assertThat(none.error().get("code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(writes()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"plain", "a@b", "a@b.c", "a b@example.com", "a@exa mple.com", "@example.com", "a@.com.", "ä@example.com",
            "a@example.c0m", "a@@example.com", "<a@example.com>"})
    void invalidEmailsAreFormatInvalidAndWriteNothing(String email) {
        String json = email.replace("\"", "\\\"");
        long before = writes();
        for (String path : new String[] {"/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/request-password-reset",
                "/api/v1/auth/forgot-password", "/api/v1/auth/resend-verification", "/api/v1/auth/users"}) {
            String[] endpoint = ENDPOINTS.stream().filter(e -> e[1].equals(path)).findFirst().orElseThrow();
            Api.Response r = send(endpoint, """
                    {"email":"%s","password":"Fine-pass-1","first_name":"Ann","last_name":"Lee","role":"client"}""".formatted(json),
                    "application/json");
            JsonNode item = onlyError(r, path + " " + email);
            assertThat(item.get("field").asString()).isEqualTo("body -> email");
            assertThat(item.get("type").asString()).isEqualTo("format_invalid");
            assertThat(item.get("message").asString()).isEqualTo("Invalid email format");
        }
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void anEmailOverTwoHundredFiftyFiveCharactersIsFormatInvalid() {
        String local = "a".repeat(64);
        String longEmail = local + "@" + "b".repeat(186) + ".com";
        assertThat(longEmail).hasSize(255);
        Api.Response ok = api.post("/api/v1/auth/register", """
                {"email":"%s","password":"Fine-pass-1","first_name":"Ann","last_name":"Lee"}""".formatted(longEmail)).send();
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);

        String tooLong = "c" + longEmail;
        long before = writes();
        for (String path : new String[] {"/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/forgot-password", "/api/v1/auth/users"}) {
            String[] endpoint = ENDPOINTS.stream().filter(e -> e[1].equals(path)).findFirst().orElseThrow();
            JsonNode item = onlyError(send(endpoint, """
                    {"email":"%s","password":"Fine-pass-1","first_name":"Ann","last_name":"Lee","role":"client"}""".formatted(tooLong),
                    "application/json"), path);
            assertThat(item.get("field").asString()).isEqualTo("body -> email");
            assertThat(item.get("type").asString()).isEqualTo("format_invalid");
        }
        assertThat(writes()).isEqualTo(before);
        assertThat(fx.count("SELECT count(*) FROM users WHERE email = ?", tooLong)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/auth/login|password|129",
            "/api/v1/auth/refresh|refresh_token|513",
            "/api/v1/auth/verify-email|token|513",
            "/api/v1/auth/reset-password|token|513",
            "/api/v1/auth/reset-password|new_password|129",
            "/api/v1/auth/change-password|current_password|129",
            "/api/v1/auth/change-password|new_password|129",
            "/api/v1/auth/profile|last_name|101",
            "/api/v1/auth/profile|phone_number|21",
            "/api/v1/auth/users|first_name|101",
            "/api/v1/auth/users|password|129",
            "/api/v1/auth/register|last_name|101",
            "/api/v1/auth/register|phone_number|21"})
    void overLongStringsAreStringTooLongByOneCharacter(String path, String field, int length) {
        String[] endpoint = ENDPOINTS.stream().filter(e -> e[1].equals(path)).findFirst().orElseThrow();
        String email = fx.email("long-" + field);
        String valid = """
                {"email":"%s","password":"Fine-pass-1","first_name":"Ann","last_name":"Lee","role":"client","phone_number":"0123456789",
                 "refresh_token":"r","token":"t","new_password":"Brand-new-pass-2","current_password":"Other-pass-1\"""".formatted(email);
        String value = field.equals("phone_number") ? "1".repeat(length) : "\uD83D\uDE00" + "x".repeat(length - 1);
        String body = valid.replaceFirst("\"" + field + "\":\"[^\"]*\"", "\"" + field + "\":\"" + value + "\"") + "}";
        long before = writes();
        JsonNode item = onlyError(send(endpoint, body, "application/json"), path + " " + field);
        assertThat(item.get("field").asString()).isEqualTo("body -> " + field);
        assertThat(item.get("type").asString()).isEqualTo("string_too_long");
        assertThat(writes()).isEqualTo(before);
        assertAdminUnchanged();
        assertThat(fx.count("SELECT count(*) FROM users WHERE email = ?", email)).isZero();
    }

    @Test
    void aNulCharacterInATextFieldIsRefusedWithoutAServerError() {
        String email = fx.email("nul");
        Api.Response r = api.post("/api/v1/auth/register", """
                {"email":"%s","password":"Fine-pass-1","first_name":"An\\u0000n","last_name":"Lee"}""".formatted(email)).send();
        JsonNode item = onlyError(r, "NUL");
        assertThat(item.get("field").asString()).isEqualTo("body -> first_name");
        assertThat(item.get("type").asString()).isEqualTo("value_error");
        assertThat(item.get("message").asString()).isEqualTo("Text must not contain the NUL character");
        assertThat(fx.count("SELECT count(*) FROM users WHERE email = ?", email)).isZero();

        fx.activeUser("nul-profile", "client");
        Api.Response profile = api.request("PUT", "/api/v1/auth/profile", "{\"last_name\":\"Le\\u0000e\"}")
                .header("Content-Type", "application/json").bearer(fx.accessToken("nul-profile")).send();
        assertThat(onlyError(profile, "NUL in profile").get("field").asString()).isEqualTo("body -> last_name");
        assertThat(fx.count("SELECT count(*) FROM users WHERE email = ? AND last_name = 'User'", fx.email("nul-profile"))).isEqualTo(1);
    }

    @Test
    void anUnknownUserIdIsNotLookedUpBeforeTheBodyIsValid() {
        Api.Call call = api.request("PATCH", "/api/v1/auth/users/" + UUID.randomUUID() + "/role", "{\"role\":").header("Content-Type", "application/json");
        Api.Response r = call.bearer(admin).send();
        assertThat(onlyError(r, "malformed").get("type").asString()).isEqualTo("json_invalid");
        assertThat(users()).isPositive();
    }
}
