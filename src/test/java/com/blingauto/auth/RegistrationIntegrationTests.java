package com.blingauto.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** E1 register: AUTH-1, AUTH-2, AUTH-3 and the shape rules of RegisterRequest. */
@IntegrationTest
class RegistrationIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;
    AuthFixture fx;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fx = new AuthFixture(api, jdbc);
    }

    private Api.Response register(String json) {
        return api.post("/api/v1/auth/register", json).send();
    }

    private String body(String email, String password, String first, String last, String phone) {
        return "{\"email\":\"%s\",\"password\":\"%s\",\"first_name\":\"%s\",\"last_name\":\"%s\"%s,\"role\":\"admin\"}"
                .formatted(email, password, first, last, phone == null ? "" : ",\"phone_number\":\"" + phone + "\"");
    }

    @Test
    void registersAnInactiveUnverifiedClientAndIssuesAVerificationToken() {
        String email = fx.email("Reg.User").toUpperCase();
        Api.Response r = register(body("  " + email + " ", "Secret-pass-1", " mary-ann ", "o'NEIL", " +1 (555) 123-4567 "));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode json = r.json();
        assertThat(json.get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(json.get("full_name").asString()).isEqualTo("Mary-Ann O'Neil");
        assertThat(json.get("message").asString()).isEqualTo("Registration successful. Please check your email to verify your account.");
        UUID id = UUID.fromString(json.get("user_id").asString());

        Map<String, Object> row = jdbc.sql("SELECT email, role, status, email_verified, first_name, last_name, phone_number FROM users WHERE id = ?")
                .param(id).query().singleRow();
        assertThat(row).containsEntry("email", email.toLowerCase()).containsEntry("role", "client")
                .containsEntry("status", "inactive").containsEntry("email_verified", false)
                .containsEntry("first_name", "Mary-Ann").containsEntry("last_name", "O'Neil")
                .containsEntry("phone_number", "+1 (555) 123-4567");
        assertThat(fx.count("SELECT count(*) FROM email_verification_tokens WHERE user_id = ? AND used_at IS NULL", id)).isEqualTo(1);
        assertThat(r.body()).doesNotContain("token");
    }

    @Test
    void anUnverifiedRegistrationCannotLogIn() {
        String email = fx.email("unverified-reg");
        assertThat(register(body(email, "Secret-pass-1", "Ann", "Lee", null)).status()).isEqualTo(201);
        Api.Response login = fx.login(email, "Secret-pass-1");
        assertThat(login.status()).isEqualTo(401);
        assertThat(login.error().get("message").asString()).isEqualTo("Account is not active");
    }

    @Test
    void duplicateEmailIgnoringCaseIsAConflict() {
        String email = fx.email("dup");
        assertThat(register(body(email, "Secret-pass-1", "Ann", "Lee", null)).status()).isEqualTo(201);
        Api.Response r = register(body(email.toUpperCase(), "Secret-pass-1", "Bob", "Lee", null));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.error().get("code").asString()).isEqualTo("CONFLICT");
        assertThat(r.error().get("message").asString()).isEqualTo("Email address already registered");
        assertThat(r.error().get("details").get("field").asString()).isEqualTo("email");
        assertThat(fx.count("SELECT count(*) FROM users WHERE lower(email) = ?", email)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "12345678901|Password cannot be all numbers",
            "onlyletters|Password must contain at least one number or special character",
            "PASSWORD123|Password is too common",
            "12345678|Password cannot be all numbers",
            "Password|Password must contain at least one number or special character"})
    void passwordPolicyIsA400(String password, String message) {
        String email = fx.email("policy-" + password.length());
        Api.Response r = register(body(email, password, "Ann", "Lee", null));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error().get("code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(r.error().get("message").asString()).isEqualTo(message);
        assertThat(r.error().get("details").get("field").asString()).isEqualTo("password");
        assertThat(fx.count("SELECT count(*) FROM users WHERE email = ?", email)).isZero();
    }

    @Test
    void disposableDomainsAreRefused() {
        Api.Response r = register(body("someone-" + UUID.randomUUID() + "@mailinator.com", "Secret-pass-1", "Ann", "Lee", null));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error().get("message").asString()).isEqualTo("Disposable email addresses are not allowed");
        assertThat(r.error().get("details").get("field").asString()).isEqualTo("email");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing fields|{}|body -> email|missing",
            "bad email|{\"email\":\"a@b\",\"password\":\"Secret-pass-1\",\"first_name\":\"A\",\"last_name\":\"B\"}|body -> email|format_invalid",
            "short password|{\"email\":\"a@b.co\",\"password\":\"Abc-12!\",\"first_name\":\"A\",\"last_name\":\"B\"}|body -> password|string_too_short",
            "blank first name|{\"email\":\"a@b.co\",\"password\":\"Secret-pass-1\",\"first_name\":\"   \",\"last_name\":\"B\"}|body -> first_name|string_too_short",
            "bad phone|{\"email\":\"a@b.co\",\"password\":\"Secret-pass-1\",\"first_name\":\"A\",\"last_name\":\"B\",\"phone_number\":\"call me\"}|body -> phone_number|format_invalid",
            "wrong type|{\"email\":\"a@b.co\",\"password\":12345678,\"first_name\":\"A\",\"last_name\":\"B\"}|body -> password|type_invalid",
            "null email|{\"email\":null,\"password\":\"Secret-pass-1\",\"first_name\":\"A\",\"last_name\":\"B\"}|body -> email|missing"})
    void shapeErrorsAre422AndWriteNothing(String name, String json, String field, String type) {
        long before = fx.count("SELECT count(*) FROM users");
        Api.Response r = register(json);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        JsonNode errors = r.error().get("details").get("validation_errors");
        boolean found = false;
        for (JsonNode e : errors) {
            found |= e.get("field").asString().equals(field) && e.get("type").asString().equals(type);
        }
        assertThat(found).as(errors.toString()).isTrue();
        assertThat(fx.count("SELECT count(*) FROM users")).isEqualTo(before);
    }

    @Test
    void overLongStringsAndHugeBodiesAreRefused() {
        String longName = "a".repeat(101);
        Api.Response tooLong = register(body(fx.email("long"), "Secret-pass-1", longName, "B", null));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.error().get("details").get("validation_errors").get(0).get("type").asString()).isEqualTo("string_too_long");

        Api.Response longPassword = register(body(fx.email("longpw"), "A1-" + "x".repeat(126), "A", "B", null));
        assertThat(longPassword.status()).isEqualTo(422);

        String huge = body(fx.email("huge"), "Secret-pass-1", "x".repeat(2 * 1024 * 1024), "B", null);
        Api.Response big = register(huge);
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.error().get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(fx.count("SELECT count(*) FROM users WHERE email IN (?, ?, ?)", fx.email("long"), fx.email("longpw"), fx.email("huge"))).isZero();
    }

    @Test
    void malformedJsonIs422() {
        Api.Response r = register("{\"email\": \"a@b.co\", ");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.error().get("details").get("validation_errors").get(0).get("type").asString()).isEqualTo("json_invalid");
    }

    @Test
    void nameLengthsCountCharactersSoOneHundredEmojiFit() {
        String emoji = "\uD83D\uDE00";
        String email = fx.email("emoji");
        Api.Response hundred = register(body(email, "Secret-pass-1", emoji.repeat(100), " " + emoji.repeat(100) + " ", null));
        assertThat(hundred.status()).as(hundred.body()).isEqualTo(201);
        assertThat(hundred.json().get("full_name").asString()).isEqualTo(emoji.repeat(100) + " " + emoji.repeat(100));
        assertThat(fx.count("SELECT count(*) FROM users WHERE email = ? AND first_name = ? AND char_length(first_name) = 100",
                email, emoji.repeat(100))).isEqualTo(1);

        String tooLong = fx.email("emoji-101");
        Api.Response r = register(body(tooLong, "Secret-pass-1", "Ann", emoji.repeat(101), null));
        assertThat(r.status()).isEqualTo(422);
        JsonNode item = r.error().get("details").get("validation_errors").get(0);
        assertThat(item.get("field").asString()).isEqualTo("body -> last_name");
        assertThat(item.get("type").asString()).isEqualTo("string_too_long");
        assertThat(fx.count("SELECT count(*) FROM users WHERE email = ?", tooLong)).isZero();
    }
}
