package com.blingauto.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The cross-cutting rules of spec/00-conventions.md, over real HTTP. */
@IntegrationTest
class WireConventionsIntegrationTests {

    @LocalServerPort
    int port;
    /** The advisory lock the test probe {@code POST /test/lock} waits for, at most 200 ms. */
    private static final long PROBE_LOCK_KEY = 4_242_424_242L;

    Api api;
    @Autowired
    DataSource dataSource;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aRequestThatLosesADatabaseLockGetsAConflictNotAServerError() throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + PROBE_LOCK_KEY + ")");
            try {
                Api.Response r = api.post("/test/lock", null).send();
                assertThat(r.status()).as(r.body()).isEqualTo(409);
                assertThat(r.error().get("code").asString()).isEqualTo("CONFLICT");
                assertThat(r.body()).doesNotContain("advisory", "SQL", "lock_timeout");
            } finally {
                statement.execute("SELECT pg_advisory_unlock(" + PROBE_LOCK_KEY + ")");
            }
        }
        assertThat(api.post("/test/lock", null).send().status()).isEqualTo(200);
    }

    @Test
    void unknownRouteIsA404EnvelopeWithOrWithoutToken() {
        for (Api.Call call : new Api.Call[] {api.get("/api/v1/nothing-here"), api.get("/api/v1/nothing-here").bearer("garbage")}) {
            Api.Response r = call.send();
            assertThat(r.status()).isEqualTo(404);
            assertEnvelope(r, "NOT_FOUND", "Not Found");
        }
    }

    @Test
    void wrongMethodIsA405WithAllowHeader() {
        Api.Response r = api.request("DELETE", "/health", null).send();
        assertThat(r.status()).isEqualTo(405);
        assertEnvelope(r, "METHOD_NOT_ALLOWED", "Method Not Allowed");
        assertThat(r.header("Allow")).contains("GET");
        assertThat(api.request("PUT", "/test/boom", null).bearer("garbage").send().status()).isEqualTo(405);
    }

    @Test
    void bothTrailingSlashFormsAnswerWithoutRedirect() {
        Api.Response plain = api.get("/live").send();
        Api.Response slash = api.get("/live/").send();
        assertThat(plain.status()).isEqualTo(200);
        assertThat(slash.status()).isEqualTo(200);
        assertThat(slash.json().get("status").asString()).isEqualTo("alive");
        assertThat(api.post("/test/probe/", "{\"name\":\"a\",\"email\":\"a@b.co\"}").send().status()).isEqualTo(200);
    }

    @Test
    void requestIdIsEchoedWhenWellFormedAndReplacedOtherwise() {
        Api.Response echoed = api.get("/api/v1/missing").header("X-Request-ID", "abc-123.X_y").send();
        assertThat(echoed.header("X-Request-ID")).isEqualTo("abc-123.X_y");
        assertThat(echoed.error().get("request_id").asString()).isEqualTo("abc-123.X_y");

        Api.Response replaced = api.get("/api/v1/missing").header("X-Request-ID", "bad id with spaces").send();
        assertThat(replaced.header("X-Request-ID")).matches("[0-9a-f-]{36}");
        assertThat(replaced.error().get("request_id").asString()).isEqualTo(replaced.header("X-Request-ID"));

        Api.Response tooLong = api.get("/live").header("X-Request-ID", "a".repeat(129)).send();
        assertThat(tooLong.header("X-Request-ID")).hasSize(36);
    }

    @Test
    void securityHeadersOnSuccessAndError() {
        for (Api.Response r : new Api.Response[] {api.get("/live").send(), api.get("/nope").send()}) {
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(r.header("X-XSS-Protection")).isEqualTo("1; mode=block");
            assertThat(r.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
            assertThat(r.header("Content-Security-Policy")).startsWith("default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net;");
            assertThat(r.header("X-Process-Time")).matches("\\d+\\.\\d{4}");
            assertThat(r.header("Server")).isNull();
        }
    }

    @Test
    void corsPreflightIsAnsweredWithoutAuthentication() {
        Api.Response r = api.request("OPTIONS", "/api/v1/auth/me", null)
                .header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "Authorization")
                .send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(r.header("Access-Control-Allow-Credentials")).isEqualTo("true");

        Api.Response simple = api.get("/live").header("Origin", "http://localhost:3000").send();
        assertThat(simple.header("Access-Control-Expose-Headers")).contains("X-Request-ID", "X-RateLimit-Remaining", "Idempotent-Replayed");

        Api.Response foreign = api.request("OPTIONS", "/live", null)
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET").send();
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void unsupportedMediaTypeIs415() {
        Api.Response r = api.request("POST", "/test/probe", "name=a").header("Content-Type", "text/plain").send();
        assertThat(r.status()).isEqualTo(415);
        assertEnvelope(r, "UNSUPPORTED_MEDIA_TYPE", "Content type 'text/plain' is not supported");
    }

    @Test
    void jsonWithCharsetIsAccepted() {
        Api.Response r = api.request("POST", "/test/probe", "{\"name\":\"é\",\"email\":\"a@b.co\"}")
                .header("Content-Type", "application/json; charset=utf-8").send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("first_name_echo").asString()).isEqualTo("é");
    }

    @Test
    void malformedJsonIs422JsonInvalid() {
        for (String body : new String[] {"{not json", "[1,2]", "\"text\"", ""}) {
            Api.Response r = api.post("/test/probe", body).send();
            assertThat(r.status()).as(body).isEqualTo(422);
            assertEnvelope(r, "VALIDATION_ERROR", "Request validation failed");
            JsonNode first = r.error().get("details").get("validation_errors").get(0);
            assertThat(first.get("field").asString()).isEqualTo("body");
            assertThat(first.get("type").asString()).as(body).isIn("json_invalid", "missing");
        }
        JsonNode item = api.post("/test/probe", "{\"name\": ").send().error().get("details").get("validation_errors").get(0);
        assertThat(item.get("message").asString()).isEqualTo("Malformed JSON body");
        assertThat(item.get("type").asString()).isEqualTo("json_invalid");
    }

    @Test
    void shapeErrorsAreReportedTogetherWithSnakeCasePaths() {
        Api.Response r = api.post("/test/probe", "{\"name\":\"   \",\"email\":\"nope\",\"count\":9,\"tags\":[]}").send();
        assertThat(r.status()).isEqualTo(422);
        JsonNode errors = r.error().get("details").get("validation_errors");
        assertThat(errors.findValuesAsString("field"))
                .containsExactlyInAnyOrder("body -> name", "body -> email", "body -> count", "body -> tags");
        assertThat(typeOf(errors, "body -> name")).isEqualTo("string_too_short");
        assertThat(typeOf(errors, "body -> email")).isEqualTo("format_invalid");
        assertThat(typeOf(errors, "body -> count")).isEqualTo("too_large");
        assertThat(typeOf(errors, "body -> tags")).isEqualTo("list_too_short");

        JsonNode missing = api.post("/test/probe", "{}").send().error().get("details").get("validation_errors");
        assertThat(typeOf(missing, "body -> email")).isEqualTo("missing");
    }

    @Test
    void wrongJsonTypesAre422WithTheirType() {
        JsonNode count = firstError(api.post("/test/probe", "{\"name\":\"a\",\"email\":\"a@b.co\",\"count\":\"many\"}").send());
        assertThat(count.get("field").asString()).isEqualTo("body -> count");
        assertThat(count.get("type").asString()).isEqualTo("type_invalid");

        JsonNode uuid = firstError(api.post("/test/probe", "{\"name\":\"a\",\"email\":\"a@b.co\",\"reference\":\"not-a-uuid\"}").send());
        assertThat(uuid.get("field").asString()).isEqualTo("body -> reference");
        assertThat(uuid.get("type").asString()).isEqualTo("uuid_invalid");

        JsonNode role = firstError(api.post("/test/probe", "{\"name\":\"a\",\"email\":\"a@b.co\",\"role\":\"pope\"}").send());
        assertThat(role.get("field").asString()).isEqualTo("body -> role");
        assertThat(role.get("type").asString()).isEqualTo("enum");
        assertThat(role.get("message").asString()).isEqualTo("Value must be one of: admin, manager, washer, client");

        for (String strict : new String[] {"\"count\":\"3\"", "\"count\":2.5", "\"name\":5,\"count\":1", "\"name\":true,\"count\":1"}) {
            JsonNode error = firstError(api.post("/test/probe", "{\"email\":\"a@b.co\",\"name\":\"a\"," + strict + "}").send());
            assertThat(error.get("type").asString()).as(strict).isEqualTo("type_invalid");
        }

        Api.Response anyCase = api.post("/test/probe", "{\"name\":\"a\",\"email\":\"a@b.co\",\"role\":\" MaNaGeR \"}").send();
        assertThat(anyCase.status()).isEqualTo(200);
    }

    @Test
    void queryParameterErrorsNameTheQueryField() {
        JsonNode error = firstError(api.get("/test/probe?page_size=abc").send());
        assertThat(error.get("field").asString()).isEqualTo("query -> page_size");
        assertThat(error.get("type").asString()).isEqualTo("type_invalid");
        assertThat(api.get("/test/probe?page_size=3&unknown=1").send().json().get("page_size").asInt()).isEqualTo(3);
    }

    @Test
    void bodiesOverOneMebibyteAre413() {
        String big = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"email\":\"a@b.co\"}";
        Api.Response r = api.post("/test/probe", big).send();
        assertThat(r.status()).isEqualTo(413);
        assertEnvelope(r, "PAYLOAD_TOO_LARGE", "Request body too large");
    }

    @Test
    void unexpectedErrorsAre500WithoutInternals() {
        Api.Response r = api.get("/test/boom").send();
        assertThat(r.status()).isEqualTo(500);
        assertEnvelope(r, "INTERNAL_ERROR", "An unexpected error occurred");
        assertThat(r.body()).doesNotContain("SELECT", "IllegalStateException", "at com.", "trace");
    }

    private static JsonNode firstError(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        return r.error().get("details").get("validation_errors").get(0);
    }

    private static String typeOf(JsonNode errors, String field) {
        for (JsonNode e : errors) {
            if (e.get("field").asString().equals(field)) {
                return e.get("type").asString();
            }
        }
        return null;
    }

    static void assertEnvelope(Api.Response r, String code, String message) {
        JsonNode error = r.error();
        assertThat(error).as(r.body()).isNotNull();
        assertThat(error.get("code").asString()).isEqualTo(code);
        assertThat(error.get("message").asString()).isEqualTo(message);
        assertThat(Instant.parse(error.get("timestamp").asString())).isNotNull();
        assertThat(error.get("timestamp").asString()).endsWith("Z");
        assertThat(error.get("request_id").asString()).isEqualTo(r.header("X-Request-ID"));
        assertThat(r.json().has("detail")).isFalse();
        assertThat(r.header("Content-Type")).startsWith("application/json");
    }
}
