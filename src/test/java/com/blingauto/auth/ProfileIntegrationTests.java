package com.blingauto.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

/** E13 profile update (AUTH-12, §2.10) and the parts of E12 change password not covered by TokenFlowsIntegrationTests. */
@IntegrationTest
class ProfileIntegrationTests {

    private static final String EMOJI = "\uD83D\uDE00";

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

    private Api.Response put(String token, String json) {
        return api.request("PUT", "/api/v1/auth/profile", json).header("Content-Type", "application/json").bearer(token).send();
    }

    private Map<String, Object> row(UUID id) {
        return jdbc.sql("SELECT first_name, last_name, phone_number, updated_at FROM users WHERE id = ?").param(id).query().singleRow();
    }

    @Test
    void updatesNamesAndPhoneTrimmedAndTitleCased() {
        UUID id = fx.activeUser("profile", "client");
        String token = fx.accessToken("profile");
        Instant before = Instant.now();
        Api.Response r = put(token, "{\"first_name\":\"  jean-luc \",\"last_name\":\"PICARD\",\"phone_number\":\"+33 (1) 23-45-67.89 \"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("user_id").asString()).isEqualTo(id.toString());
        assertThat(body.get("email").asString()).isEqualTo(fx.email("profile"));
        assertThat(body.get("first_name").asString()).isEqualTo("Jean-Luc");
        assertThat(body.get("last_name").asString()).isEqualTo("Picard");
        assertThat(body.get("phone_number").asString()).isEqualTo("+33 (1) 23-45-67.89");
        Instant updatedAt = Instant.parse(body.get("updated_at").asString());
        assertThat(updatedAt).isCloseTo(before, within(1, ChronoUnit.MINUTES));
        assertThat(body.properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("user_id", "email", "first_name", "last_name", "phone_number", "updated_at");

        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("first_name", "Jean-Luc").containsEntry("last_name", "Picard")
                .containsEntry("phone_number", "+33 (1) 23-45-67.89");
        assertThat(((Timestamp) row.get("updated_at")).toInstant()).isEqualTo(updatedAt);

        JsonNode me = api.get("/api/v1/auth/me").bearer(token).send().json();
        assertThat(me.get("full_name").asString()).isEqualTo("Jean-Luc Picard");
        assertThat(me.get("phone_number").asString()).isEqualTo("+33 (1) 23-45-67.89");
    }

    @Test
    void absentAndNullFieldsLeaveStoredValuesAndTheEmptyPhoneClearsIt() {
        UUID id = fx.activeUser("partial", "client");
        String token = fx.accessToken("partial");
        assertThat(put(token, "{\"phone_number\":\"0123456789\"}").status()).isEqualTo(200);

        Api.Response lastOnly = put(token, "{\"last_name\":\"o'brien\",\"first_name\":null}");
        assertThat(lastOnly.status()).as(lastOnly.body()).isEqualTo(200);
        assertThat(row(id)).containsEntry("first_name", "Test").containsEntry("last_name", "O'Brien")
                .containsEntry("phone_number", "0123456789");

        Api.Response cleared = put(token, "{\"phone_number\":\"\"}");
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().get("phone_number").isNull()).isTrue();
        assertThat(row(id)).containsEntry("phone_number", null).containsEntry("last_name", "O'Brien");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no body|",
            "empty object|{}",
            "all null|{\"first_name\":null,\"last_name\":null,\"phone_number\":null}",
            "only unknown keys|{\"email\":\"x@example.com\",\"role\":\"admin\"}"})
    void nothingToUpdateIsA400(String name, String json) {
        UUID id = fx.activeUser("nothing-" + name.replace(' ', '-'), "client");
        String token = fx.accessToken("nothing-" + name.replace(' ', '-'));
        Api.Call call = api.request("PUT", "/api/v1/auth/profile", json).bearer(token);
        if (json != null) {
            call.header("Content-Type", "application/json");
        }
        Api.Response r = call.send();
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.error().get("code").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(r.error().get("message").asString()).isEqualTo("At least one field must be provided for update");
        assertThat(fx.count("SELECT count(*) FROM users WHERE id = ? AND email = ? AND role = 'client'", id,
                fx.email("nothing-" + name.replace(' ', '-')))).isEqualTo(1);
    }

    @Test
    void namesTooShortAfterTrimmingAre400WithTheirField() {
        UUID id = fx.activeUser("trim", "client");
        String token = fx.accessToken("trim");
        Api.Response first = put(token, "{\"first_name\":\" a \"}");
        assertThat(first.status()).as(first.body()).isEqualTo(400);
        assertThat(first.error().get("message").asString()).isEqualTo("First name must be at least 2 characters");
        assertThat(first.error().get("details").get("field").asString()).isEqualTo("first_name");

        Api.Response last = put(token, "{\"last_name\":\"b  \"}");
        assertThat(last.status()).isEqualTo(400);
        assertThat(last.error().get("message").asString()).isEqualTo("Last name must be at least 2 characters");
        assertThat(last.error().get("details").get("field").asString()).isEqualTo("last_name");

        Api.Response emoji = put(token, "{\"first_name\":\" " + EMOJI + " \"}");
        assertThat(emoji.status()).as("one emoji is one character").isEqualTo(400);
        assertThat(emoji.error().get("message").asString()).isEqualTo("First name must be at least 2 characters");
        assertThat(row(id)).containsEntry("first_name", "Test").containsEntry("last_name", "User");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "one character as sent|{\"first_name\":\"a\"}|body -> first_name|string_too_short",
            "one emoji as sent|{\"last_name\":\"" + EMOJI + "\"}|body -> last_name|string_too_short",
            "101 characters|{\"first_name\":\"X101\"}|body -> first_name|string_too_long",
            "nine digits|{\"phone_number\":\"123456789\"}|body -> phone_number|format_invalid",
            "letters|{\"phone_number\":\"phone 0123456789\"}|body -> phone_number|format_invalid",
            "blank phone|{\"phone_number\":\"   \"}|body -> phone_number|format_invalid",
            "over 20 characters|{\"phone_number\":\"+1 (555) 123-4567 89 0\"}|body -> phone_number|string_too_long",
            "number instead of string|{\"phone_number\":1234567890}|body -> phone_number|type_invalid"})
    void shapeErrorsAre422AndChangeNothing(String name, String json, String field, String type) {
        String user = "shape-" + name.replaceAll("\\W", "");
        UUID id = fx.activeUser(user, "client");
        String token = fx.accessToken(user);
        Api.Response r = put(token, json.replace("X101", "x".repeat(101)));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.error().get("message").asString()).isEqualTo("Request validation failed");
        JsonNode item = r.error().get("details").get("validation_errors").get(0);
        assertThat(item.get("field").asString()).isEqualTo(field);
        assertThat(item.get("type").asString()).isEqualTo(type);
        if (field.endsWith("phone_number") && type.equals("format_invalid")) {
            assertThat(item.get("message").asString()).isEqualTo("Phone number must be at least 10 digits");
        }
        assertThat(row(id)).containsEntry("first_name", "Test").containsEntry("last_name", "User").containsEntry("phone_number", null);
    }

    @Test
    void namesCountCharactersNotUtf16Units() {
        UUID id = fx.activeUser("emoji", "client");
        String token = fx.accessToken("emoji");
        Api.Response hundred = put(token, "{\"first_name\":\"" + EMOJI.repeat(100) + "\",\"last_name\":\"" + EMOJI + EMOJI + "\"}");
        assertThat(hundred.status()).as(hundred.body()).isEqualTo(200);
        assertThat(row(id)).containsEntry("first_name", EMOJI.repeat(100)).containsEntry("last_name", EMOJI + EMOJI);

        Api.Response tooMany = put(token, "{\"first_name\":\"" + EMOJI.repeat(101) + "\"}");
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.error().get("details").get("validation_errors").get(0).get("type").asString()).isEqualTo("string_too_long");
        assertThat(row(id)).containsEntry("first_name", EMOJI.repeat(100));
    }

    @Test
    void onlyTheCallersOwnProfileChanges() {
        UUID mine = fx.activeUser("own", "client");
        UUID other = fx.activeUser("other", "client");
        Api.Response r = put(fx.accessToken("own"), "{\"first_name\":\"Mine\",\"user_id\":\"" + other + "\",\"id\":\"" + other + "\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("user_id").asString()).isEqualTo(mine.toString());
        assertThat(row(mine)).containsEntry("first_name", "Mine");
        assertThat(row(other)).containsEntry("first_name", "Test");
    }

    @Test
    void profileRequiresAToken() {
        Api.Response r = api.request("PUT", "/api/v1/auth/profile", "{\"first_name\":\"Anon\"}").header("Content-Type", "application/json").send();
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.error().get("message").asString()).isEqualTo("Not authenticated");
        assertThat(r.header("WWW-Authenticate")).isEqualTo("Bearer");
        Api.Response get = api.get("/api/v1/auth/profile").send();
        assertThat(get.status()).as("only PUT is served on /profile").isEqualTo(405);
        assertThat(get.header("Allow")).contains("PUT");
    }

    @Test
    void changePasswordDoesNotApplyThePolicyAndRecordsTheChange() {
        UUID id = fx.activeUser("weak-change", "washer");
        String token = fx.accessToken("weak-change");
        Instant before = Instant.now();
        Api.Response r = api.post("/api/v1/auth/change-password",
                "{\"current_password\":\"" + AuthFixture.PASSWORD + "\",\"new_password\":\"12345678\"}").bearer(token).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Timestamp changed = jdbc.sql("SELECT password_changed_at FROM users WHERE id = ?").param(id).query(Timestamp.class).single();
        assertThat(changed.toInstant()).isCloseTo(before, within(1, ChronoUnit.MINUTES));
        assertThat(fx.login(fx.email("weak-change"), "12345678").status()).isEqualTo(200);
    }

    @Test
    void changePasswordShapeErrorsAre422AndKeepThePassword() {
        fx.activeUser("change-shape", "client");
        String token = fx.accessToken("change-shape");
        Api.Response r = api.post("/api/v1/auth/change-password", "{\"current_password\":\"\",\"new_password\":\"short\"}").bearer(token).send();
        assertThat(r.status()).isEqualTo(422);
        JsonNode errors = r.error().get("details").get("validation_errors");
        assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("body -> current_password", "body -> new_password");
        assertThat(errors.findValuesAsString("type")).containsOnly("string_too_short");

        Api.Response missing = api.post("/api/v1/auth/change-password", "{}").bearer(token).send();
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.error().get("details").get("validation_errors").findValuesAsString("type")).containsOnly("missing");

        Api.Response tooLong = api.post("/api/v1/auth/change-password",
                "{\"current_password\":\"" + AuthFixture.PASSWORD + "\",\"new_password\":\"" + EMOJI.repeat(129) + "\"}").bearer(token).send();
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.error().get("details").get("validation_errors").get(0).get("type").asString()).isEqualTo("string_too_long");
        assertThat(fx.count("SELECT count(*) FROM users WHERE email = ? AND password_changed_at IS NULL", fx.email("change-shape"))).isEqualTo(1);
        assertThat(fx.login(fx.email("change-shape"), AuthFixture.PASSWORD).status()).isEqualTo(200);
    }
}
