package com.blingauto;

import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The wire is snake_case (CNV-3): every property and query/path parameter that {@code /openapi.json}
 * documents, and the keys of real responses, which must also be the documented ones.
 */
@IntegrationTest
class WireFormatTests {

    static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    JsonNode openApi() {
        Api.Response r = api.get("/openapi.json").send();
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void documentIsTitledVersionedAndDeclaresTheBearerScheme() {
        JsonNode doc = openApi();
        assertThat(doc.get("openapi").asString()).startsWith("3.");
        assertThat(doc.at("/info/title").asString()).isEqualTo("BlingAuto API");
        assertThat(doc.at("/info/version").asString()).isNotBlank();
        JsonNode schemes = doc.at("/components/securitySchemes");
        List<JsonNode> bearer = new ArrayList<>();
        for (Map.Entry<String, JsonNode> scheme : schemes.properties()) {
            if ("http".equals(scheme.getValue().path("type").asString()) && "bearer".equalsIgnoreCase(scheme.getValue().path("scheme").asString())) {
                bearer.add(scheme.getValue());
            }
        }
        assertThat(bearer).as("an HTTP bearer scheme in %s", schemes).hasSize(1);
        assertThat(bearer.getFirst().path("bearerFormat").asString()).isEqualTo("JWT");
        assertThat(doc.at("/paths").size()).isPositive();
        assertThat(doc.at("/paths/~1api~1v1~1auth~1me/get")).as("GET /api/v1/auth/me documented").isNotNull();
        assertThat(doc.at("/paths/~1api~1v1~1auth~1me/get").isMissingNode()).isFalse();
    }

    @Test
    void everySchemaPropertyIsSnakeCase() {
        JsonNode schemas = openApi().at("/components/schemas");
        assertThat(schemas.size()).as("documented schemas").isGreaterThan(3);
        Set<String> offenders = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
            collectProperties(schema.getKey(), schema.getValue(), seen, offenders);
        }
        assertThat(seen).as("property names found").contains("access_token", "first_name");
        assertThat(offenders).as("schema properties not in snake_case").isEmpty();
    }

    @Test
    void everyQueryAndPathParameterIsSnakeCase() {
        JsonNode doc = openApi();
        Set<String> offenders = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : doc.at("/paths").properties()) {
            List<JsonNode> parameterLists = new ArrayList<>();
            parameterLists.add(path.getValue().path("parameters"));
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                parameterLists.add(operation.getValue().path("parameters"));
            }
            for (JsonNode parameters : parameterLists) {
                for (JsonNode p : parameters) {
                    JsonNode param = p.has("$ref") ? doc.at(p.get("$ref").asString().substring(1)) : p;
                    String in = param.path("in").asString();
                    if (in.equals("query") || in.equals("path")) {
                        String name = param.path("name").asString();
                        seen.add(name);
                        if (!SNAKE_CASE.matcher(name).matches()) {
                            offenders.add(path.getKey() + " " + in + " " + name);
                        }
                    }
                }
            }
        }
        assertThat(seen).as("parameters found (e.g. the test probe's page_size)").contains("page_size");
        assertThat(offenders).as("query/path parameters not in snake_case").isEmpty();
    }

    @Test
    void healthResponseKeysAreSnakeCase() {
        Api.Response r = api.get("/health").send();
        assertThat(r.status()).isEqualTo(200);
        assertThat(nonSnakeKeys(r.json())).isEmpty();
        assertThat(allKeys(r.json())).contains("latency_ms", "cpu_percent", "memory_percent", "disk_percent");
        JsonNode doc = openApi();
        Set<String> actual = new TreeSet<>();
        r.json().propertyNames().forEach(actual::add);
        assertThat(actual).as("GET /health keys vs its documented schema")
                .isEqualTo(documentedProperties(doc, doc.at("/paths/~1health/get/responses/200/content")));
    }

    @Test
    void currentUserResponseIsSnakeCaseAndMatchesItsDocumentedSchema() {
        Api.Response login = api.post("/api/v1/auth/login", "{\"email\":\"" + IntegrationTest.ADMIN_EMAIL
                + "\",\"password\":\"" + IntegrationTest.ADMIN_PASSWORD + "\"}").send();
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(nonSnakeKeys(login.json())).isEmpty();

        Api.Response me = api.get("/api/v1/auth/me").bearer(login.json().get("access_token").asString()).send();
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(IntegrationTest.ADMIN_EMAIL);
        assertThat(nonSnakeKeys(me.json())).isEmpty();

        JsonNode doc = openApi();
        Set<String> documented = documentedProperties(doc, doc.at("/paths/~1api~1v1~1auth~1me/get/responses/200/content"));
        Set<String> actual = new TreeSet<>();
        me.json().propertyNames().forEach(actual::add);
        assertThat(actual).as("GET /api/v1/auth/me keys vs its documented schema").isEqualTo(documented);

        Set<String> loginDocumented = documentedProperties(doc, doc.at("/paths/~1api~1v1~1auth~1login/post/responses/200/content"));
        Set<String> loginActual = new TreeSet<>();
        login.json().propertyNames().forEach(loginActual::add);
        assertThat(loginActual).as("POST /api/v1/auth/login keys vs its documented schema").isEqualTo(loginDocumented);
    }

    @Test
    void errorEnvelopesAreSnakeCase() {
        Api.Response notFound = api.get("/api/v1/nowhere").send();
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(allKeys(notFound.json())).contains("error", "code", "message", "request_id", "timestamp");
        assertThat(nonSnakeKeys(notFound.json())).isEmpty();

        Api.Response invalid = api.post("/test/probe", "{\"name\":\"\",\"email\":\"not-an-email\",\"count\":9}").send();
        assertThat(invalid.status()).isIn(400, 422);
        assertThat(invalid.error()).isNotNull();
        assertThat(nonSnakeKeys(invalid.json())).isEmpty();

        Api.Response unauthorized = api.get("/api/v1/auth/me").send();
        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(nonSnakeKeys(unauthorized.json())).isEmpty();
    }

    /** The property names of the JSON schema answering with this content map, following {@code $ref}s. */
    static Set<String> documentedProperties(JsonNode doc, JsonNode content) {
        assertThat(content.isMissingNode()).as("documented response content").isFalse();
        JsonNode schema = content.properties().iterator().next().getValue().path("schema");
        while (schema.has("$ref")) {
            schema = doc.at(schema.get("$ref").asString().substring(1));
        }
        Set<String> names = new TreeSet<>();
        schema.path("properties").propertyNames().forEach(names::add);
        assertThat(names).as("documented properties").isNotEmpty();
        return names;
    }

    static void collectProperties(String where, JsonNode schema, Set<String> seen, Set<String> offenders) {
        if (schema == null || !schema.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            seen.add(property.getKey());
            if (!SNAKE_CASE.matcher(property.getKey()).matches()) {
                offenders.add(where + "." + property.getKey());
            }
            collectProperties(where + "." + property.getKey(), property.getValue(), seen, offenders);
        }
        collectProperties(where + "[]", schema.get("items"), seen, offenders);
        collectProperties(where + "{}", schema.get("additionalProperties"), seen, offenders);
        for (String composite : List.of("allOf", "oneOf", "anyOf")) {
            for (JsonNode part : schema.path(composite)) {
                collectProperties(where, part, seen, offenders);
            }
        }
    }

    static Set<String> allKeys(JsonNode node) {
        Set<String> keys = new LinkedHashSet<>();
        walk(node, keys);
        return keys;
    }

    static Set<String> nonSnakeKeys(JsonNode node) {
        Set<String> bad = new TreeSet<>();
        for (String key : allKeys(node)) {
            if (!SNAKE_CASE.matcher(key).matches()) {
                bad.add(key);
            }
        }
        return bad;
    }

    private static void walk(JsonNode node, Set<String> keys) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                keys.add(e.getKey());
                walk(e.getValue(), keys);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                walk(item, keys);
            }
        }
    }
}
