package com.blingauto.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

/** E9 list, E10 get, E11 role change (AUTH-9, AUTH-13) and E15 admin-created users (AUTH-16). */
@IntegrationTest
class UserAdministrationIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    Api api;
    AuthFixture fx;
    String admin;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        fx = new AuthFixture(api, jdbc);
        fx.activeUser("admin", "admin");
        admin = fx.accessToken("admin");
    }

    private Api.Response get(String path) {
        return api.get(path).bearer(admin).send();
    }

    private Api.Response changeRole(Object userId, String json) {
        return api.request("PATCH", "/api/v1/auth/users/" + userId + "/role", json).header("Content-Type", "application/json")
                .bearer(admin).send();
    }

    private String role(UUID id) {
        return jdbc.sql("SELECT role FROM users WHERE id = ?").param(id).query(String.class).single();
    }

    private UUID userCreatedAt(String name, String role, String status, String createdAt, UUID id) {
        jdbc.sql("""
                INSERT INTO users (id, email, first_name, last_name, password_hash, role, status, email_verified, created_at, updated_at)
                VALUES (?, ?, 'Listed', 'User', 'x', ?, ?, false, ?, ?)""")
                .params(id, fx.email(name), role, status, Timestamp.from(Instant.parse(createdAt)), Timestamp.from(Instant.parse(createdAt)))
                .update();
        return id;
    }

    private static List<String> ids(Api.Response r) {
        List<String> ids = new ArrayList<>();
        r.json().get("users").forEach(u -> ids.add(u.get("id").asString()));
        return ids;
    }

    // ---- E9 list -------------------------------------------------------------------------------------------

    @Test
    void listIsOrderedByCreationThenIdWithTheTrueTotalAndFiltersCombined() {
        // far-future creation times put these three last; b and c tie on created_at and are ordered by id
        UUID a = userCreatedAt("list-a", "washer", "inactive", "2999-01-01T00:00:00Z", UUID.randomUUID());
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        if (first.toString().compareTo(second.toString()) > 0) {
            UUID swap = first;
            first = second;
            second = swap;
        }
        UUID b = userCreatedAt("list-b", "washer", "inactive", "2999-01-02T00:00:00Z", first);
        UUID c = userCreatedAt("list-c", "washer", "inactive", "2999-01-02T00:00:00Z", second);
        userCreatedAt("list-d", "washer", "active", "2999-01-03T00:00:00Z", UUID.randomUUID());
        userCreatedAt("list-e", "client", "inactive", "2999-01-04T00:00:00Z", UUID.randomUUID());

        long total = fx.count("SELECT count(*) FROM users WHERE role = 'washer' AND status = 'inactive'");
        Api.Response lastTwoButOne = get("/api/v1/auth/users?role=washer&status=inactive&offset=" + (total - 3) + "&limit=2");
        assertThat(lastTwoButOne.status()).as(lastTwoButOne.body()).isEqualTo(200);
        JsonNode page = lastTwoButOne.json();
        assertThat(page.get("total").asLong()).isEqualTo(total);
        assertThat(page.get("offset").asLong()).isEqualTo(total - 3);
        assertThat(page.get("limit").asInt()).isEqualTo(2);
        assertThat(ids(lastTwoButOne)).containsExactly(a.toString(), b.toString());

        Api.Response last = get("/api/v1/auth/users?role=WASHER&status=Inactive&offset=" + (total - 1));
        assertThat(ids(last)).containsExactly(c.toString());
        assertThat(last.json().get("limit").asInt()).isEqualTo(20);

        Api.Response past = get("/api/v1/auth/users?role=washer&status=inactive&offset=" + (total + 5));
        assertThat(past.status()).isEqualTo(200);
        assertThat(past.json().get("users").isArray()).isTrue();
        assertThat(past.json().get("users").isEmpty()).isTrue();
        assertThat(past.json().get("total").asLong()).isEqualTo(total);

        JsonNode listed = lastTwoButOne.json().get("users").get(0);
        assertThat(listed.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("id", "email", "first_name",
                "last_name", "full_name", "role", "status", "phone_number", "email_verified", "created_at", "last_login_at");
        assertThat(listed.get("email").asString()).isEqualTo(fx.email("list-a"));
        assertThat(listed.get("role").asString()).isEqualTo("washer");
        assertThat(listed.get("status").asString()).isEqualTo("inactive");
        assertThat(listed.get("created_at").asString()).isEqualTo("2999-01-01T00:00:00Z");
        assertThat(listed.get("last_login_at").isNull()).isTrue();
    }

    @Test
    void eachFilterAloneAndNoneCountEveryMatchingRow() {
        fx.activeUser("filter-manager", "manager");
        fx.user("filter-client", "client", "inactive", false);
        for (String query : new String[] {"", "?role=manager", "?status=inactive", "?role=client&status=active", "?role=admin"}) {
            Api.Response r = get("/api/v1/auth/users" + query);
            assertThat(r.status()).as(query + " " + r.body()).isEqualTo(200);
            String where = query.isEmpty() ? "" : " WHERE " + query.substring(1).replace("&", " AND ").replaceAll("(\\w+)=(\\w+)", "$1 = '$2'");
            assertThat(r.json().get("total").asLong()).as(query).isEqualTo(fx.count("SELECT count(*) FROM users" + where));
            assertThat(r.json().get("offset").asInt()).isZero();
            r.json().get("users").forEach(u -> {
                if (query.contains("role=")) {
                    assertThat(query).contains("role=" + u.get("role").asString());
                }
                if (query.contains("status=")) {
                    assertThat(query).contains("status=" + u.get("status").asString());
                }
            });
        }
    }

    @Test
    void aManagerMayListUsers() {
        fx.activeUser("lister", "manager");
        Api.Response r = api.get("/api/v1/auth/users?limit=1").bearer(fx.accessToken("lister")).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("users").size()).isEqualTo(1);
        assertThat(r.json().get("total").asLong()).isEqualTo(fx.count("SELECT count(*) FROM users"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "limit=0|query -> limit|too_small",
            "limit=101|query -> limit|too_large",
            "offset=-1|query -> offset|too_small",
            "limit=ten|query -> limit|type_invalid",
            "offset=1.5|query -> offset|type_invalid",
            "role=owner|query -> role|enum",
            "status=deleted|query -> status|enum"})
    void listQueryOutOfRangeIs422(String query, String field, String type) {
        Api.Response r = get("/api/v1/auth/users?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.error().get("code").asString()).isEqualTo("VALIDATION_ERROR");
        JsonNode item = r.error().get("details").get("validation_errors").get(0);
        assertThat(item.get("field").asString()).isEqualTo(field);
        assertThat(item.get("type").asString()).isEqualTo(type);
        if (query.startsWith("role")) {
            assertThat(item.get("message").asString()).isEqualTo("Value must be one of: admin, manager, washer, client");
        }
        if (query.startsWith("status")) {
            assertThat(item.get("message").asString()).isEqualTo("Value must be one of: active, inactive");
        }
    }

    @Test
    void limitsAtTheEdgesOfTheirRangeAreAccepted() {
        assertThat(get("/api/v1/auth/users?limit=1&offset=0").status()).isEqualTo(200);
        Api.Response hundred = get("/api/v1/auth/users?limit=100");
        assertThat(hundred.status()).isEqualTo(200);
        assertThat(hundred.json().get("limit").asInt()).isEqualTo(100);
    }

    // ---- E10 get -------------------------------------------------------------------------------------------

    @Test
    void anAdminReadsAnyUser() {
        UUID id = fx.user("someone", "washer", "inactive", false);
        Api.Response r = get("/api/v1/auth/users/" + id.toString().toUpperCase());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode user = r.json();
        assertThat(user.get("id").asString()).isEqualTo(id.toString());
        assertThat(user.get("email").asString()).isEqualTo(fx.email("someone"));
        assertThat(user.get("full_name").asString()).isEqualTo("Test User");
        assertThat(user.get("role").asString()).isEqualTo("washer");
        assertThat(user.get("status").asString()).isEqualTo("inactive");
        assertThat(user.get("email_verified").asBoolean()).isFalse();
        assertThat(user.has("password_hash")).isFalse();
    }

    @Test
    void unknownAndMalformedIdsAreUserNotFound() {
        UUID unknown = UUID.randomUUID();
        for (String id : new String[] {unknown.toString(), "not-a-uuid", "12345"}) {
            Api.Response r = get("/api/v1/auth/users/" + id);
            assertThat(r.status()).as(id).isEqualTo(404);
            assertThat(r.error().get("code").asString()).isEqualTo("NOT_FOUND");
            assertThat(r.error().get("message").asString()).isEqualTo("User not found");
            assertThat(r.error().get("details").get("identifier").asString()).isEqualTo(id);

            Api.Response role = changeRole(id, "{\"role\":\"washer\"}");
            assertThat(role.status()).as(id).isEqualTo(404);
            assertThat(role.error().get("message").asString()).isEqualTo("User not found");
        }
    }

    // ---- E11 role change -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
            "client,client,same", "client,washer,ok", "client,manager,no", "client,admin,no",
            "washer,washer,same", "washer,client,ok", "washer,manager,ok", "washer,admin,no",
            "manager,manager,same", "manager,washer,ok", "manager,admin,ok", "manager,client,no",
            "admin,admin,same", "admin,manager,ok", "admin,washer,no", "admin,client,no"})
    void everyRoleTransition(String from, String to, String outcome) {
        UUID id = fx.activeUser("transition-" + from + "-" + to, from);
        Timestamp updatedBefore = jdbc.sql("SELECT updated_at FROM users WHERE id = ?").param(id).query(Timestamp.class).single();
        Api.Response r = changeRole(id, "{\"role\":\" " + to.toUpperCase() + " \"}");
        if (outcome.equals("no")) {
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(r.error().get("code").asString()).isEqualTo("BUSINESS_RULE_VIOLATION");
            assertThat(r.error().get("message").asString()).isEqualTo("Cannot transition from " + from + " to " + to);
            assertThat(r.error().get("details").get("rule").asString()).isEqualTo("RG-AUTH-009");
            assertThat(role(id)).isEqualTo(from);
            return;
        }
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("id").asString()).isEqualTo(id.toString());
        assertThat(r.json().get("role").asString()).isEqualTo(to);
        assertThat(role(id)).isEqualTo(to);
        Timestamp updatedAfter = jdbc.sql("SELECT updated_at FROM users WHERE id = ?").param(id).query(Timestamp.class).single();
        if (outcome.equals("same")) {
            assertThat(updatedAfter).isEqualTo(updatedBefore);
        } else {
            assertThat(updatedAfter).isAfter(updatedBefore);
        }
    }

    @Test
    void anAdminMayDemoteThemselvesAndLosesAdminRightsOnTheNextRequest() {
        UUID self = fx.activeUser("self-demote", "admin");
        String token = fx.accessToken("self-demote");
        Api.Response r = api.request("PATCH", "/api/v1/auth/users/" + self + "/role", "{\"role\":\"manager\"}")
                .header("Content-Type", "application/json").bearer(token).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(role(self)).isEqualTo("manager");

        Api.Response again = api.request("PATCH", "/api/v1/auth/users/" + self + "/role", "{\"role\":\"admin\"}")
                .header("Content-Type", "application/json").bearer(token).send();
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.error().get("message").asString()).isEqualTo("User role 'manager' does not match required role 'admin'");
        assertThat(role(self)).isEqualTo("manager");
        assertThat(api.get("/api/v1/auth/users").bearer(token).send().status()).as("a manager still lists users").isEqualTo(200);
    }

    @Test
    void theLastAdminCannotBeDemotedNotEvenByThemselves() {
        UUID last = fx.activeUser("last-admin", "admin");
        String token = fx.accessToken("last-admin");
        // the other admins step aside for the duration of the test (the suite runs its classes one at a time)
        List<UUID> others = jdbc.sql("SELECT id FROM users WHERE role = 'admin' AND id <> ?").param(last).query(UUID.class).list();
        jdbc.sql("UPDATE users SET role = 'manager' WHERE id IN (:ids)").param("ids", others).update();
        try {
            Api.Response r = api.request("PATCH", "/api/v1/auth/users/" + last + "/role", "{\"role\":\"manager\"}")
                    .header("Content-Type", "application/json").bearer(token).send();
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(r.error().get("code").asString()).isEqualTo("BUSINESS_RULE_VIOLATION");
            assertThat(r.error().get("message").asString()).isEqualTo("Cannot remove the last admin");
            assertThat(r.error().get("details").get("rule").asString()).isEqualTo("RG-AUTH-009");
            assertThat(role(last)).isEqualTo("admin");

            Api.Response same = api.request("PATCH", "/api/v1/auth/users/" + last + "/role", "{\"role\":\"admin\"}")
                    .header("Content-Type", "application/json").bearer(token).send();
            assertThat(same.status()).as("same role is not a demotion").isEqualTo(200);
        } finally {
            jdbc.sql("UPDATE users SET role = 'admin' WHERE id IN (:ids)").param("ids", others).update();
        }
    }

    @Test
    void roleShapeErrorsComeBeforeTheUserLookup() {
        UUID id = fx.activeUser("role-shape", "client");
        Api.Response unknown = changeRole(id, "{\"role\":\"owner\"}");
        assertThat(unknown.status()).isEqualTo(422);
        JsonNode item = unknown.error().get("details").get("validation_errors").get(0);
        assertThat(item.get("field").asString()).isEqualTo("body -> role");
        assertThat(item.get("type").asString()).isEqualTo("enum");
        assertThat(item.get("message").asString()).isEqualTo("Value must be one of: admin, manager, washer, client");

        Api.Response missing = changeRole(id, "{}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.error().get("details").get("validation_errors").get(0).get("type").asString()).isEqualTo("missing");

        Api.Response unknownUser = changeRole(UUID.randomUUID(), "{\"role\":7}");
        assertThat(unknownUser.status()).isEqualTo(422);
        assertThat(role(id)).isEqualTo("client");
    }

    // ---- E15 admin-created users ---------------------------------------------------------------------------

    @Test
    void anAdminCreatesAnActiveVerifiedUserOfAnyRoleWithoutAnEmail() {
        String email = fx.email("Created.Washer");
        Api.Response r = api.post("/api/v1/auth/users", """
                {"email":"  %s ","password":"Washer-pass-1","first_name":" anne-marie ","last_name":"DU PONT",
                 "phone_number":"+44 20 7946 0958","role":"Washer"}""".formatted(email.toUpperCase())).bearer(admin).send();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode user = r.json();
        UUID id = UUID.fromString(user.get("id").asString());
        assertThat(user.get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(user.get("first_name").asString()).isEqualTo("Anne-Marie");
        assertThat(user.get("last_name").asString()).isEqualTo("Du Pont");
        assertThat(user.get("full_name").asString()).isEqualTo("Anne-Marie Du Pont");
        assertThat(user.get("role").asString()).isEqualTo("washer");
        assertThat(user.get("status").asString()).isEqualTo("active");
        assertThat(user.get("email_verified").asBoolean()).isTrue();
        assertThat(user.get("phone_number").asString()).isEqualTo("+44 20 7946 0958");
        assertThat(user.get("last_login_at").isNull()).isTrue();

        Map<String, Object> row = jdbc.sql("SELECT email, role, status, email_verified FROM users WHERE id = ?").param(id).query().singleRow();
        assertThat(row).containsEntry("email", email.toLowerCase()).containsEntry("role", "washer")
                .containsEntry("status", "active").containsEntry("email_verified", true);
        assertThat(fx.count("SELECT count(*) FROM email_verification_tokens WHERE user_id = ?", id)).isZero();
        assertThat(fx.login(email, "Washer-pass-1").status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "all digits|99999999999|password|Password cannot be all numbers|400",
            "too short|LetMeIn|password|-|422",
            "common 8+|Password123|password|Password is too common|400",
            "disposable|Fine-pass-1|email|Disposable email addresses are not allowed|400"})
    void creationAppliesThePasswordPolicyAndEmailRules(String name, String password, String field, String message, int status) {
        String email = name.equals("disposable") ? "created-" + UUID.randomUUID() + "@10minutemail.com" : fx.email("created-" + name.replace(' ', '-'));
        Api.Response r = api.post("/api/v1/auth/users", """
                {"email":"%s","password":"%s","first_name":"Ann","last_name":"Lee","role":"client"}""".formatted(email, password))
                .bearer(admin).send();
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        if (status == 400) {
            assertThat(r.error().get("message").asString()).isEqualTo(message);
            assertThat(r.error().get("details").get("field").asString()).isEqualTo(field);
        }
        assertThat(fx.count("SELECT count(*) FROM users WHERE lower(email) = ?", email.toLowerCase())).isZero();
    }

    @Test
    void creatingAnExistingEmailIsAConflict() {
        fx.activeUser("taken", "client");
        Api.Response r = api.post("/api/v1/auth/users", """
                {"email":"%s","password":"Fine-pass-1","first_name":"Ann","last_name":"Lee","role":"manager"}"""
                .formatted(fx.email("taken").toUpperCase())).bearer(admin).send();
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.error().get("code").asString()).isEqualTo("CONFLICT");
        assertThat(r.error().get("message").asString()).isEqualTo("Email address already registered");
        assertThat(r.error().get("details").get("field").asString()).isEqualTo("email");
        assertThat(fx.count("SELECT count(*) FROM users WHERE lower(email) = ?", fx.email("taken"))).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM users WHERE lower(email) = ? AND role = 'client'", fx.email("taken"))).isEqualTo(1);
    }

    @Test
    void creationShapeErrorsAre422AllAtOnce() {
        String email = fx.email("created-shape");
        Api.Response r = api.post("/api/v1/auth/users", """
                {"email":"%s","password":"short","first_name":"","role":"manager","phone_number":"n/a"}""".formatted(email))
                .bearer(admin).send();
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        JsonNode errors = r.error().get("details").get("validation_errors");
        assertThat(errors.findValuesAsString("field")).contains("body -> password", "body -> first_name", "body -> last_name",
                "body -> phone_number");
        assertThat(fx.count("SELECT count(*) FROM users WHERE email = ?", email)).isZero();

        Api.Response noRole = api.post("/api/v1/auth/users", """
                {"email":"%s","password":"Fine-pass-1","first_name":"Ann","last_name":"Lee"}""".formatted(email)).bearer(admin).send();
        assertThat(noRole.status()).isEqualTo(422);
        JsonNode item = noRole.error().get("details").get("validation_errors").get(0);
        assertThat(item.get("field").asString()).isEqualTo("body -> role");
        assertThat(item.get("type").asString()).isEqualTo("missing");

        Api.Response badRole = api.post("/api/v1/auth/users", """
                {"email":"%s","password":"Fine-pass-1","first_name":"Ann","last_name":"Lee","role":"boss"}""".formatted(email))
                .bearer(admin).send();
        assertThat(badRole.status()).isEqualTo(422);
        assertThat(badRole.error().get("details").get("validation_errors").get(0).get("type").asString()).isEqualTo("enum");
        assertThat(fx.count("SELECT count(*) FROM users WHERE email = ?", email)).isZero();
    }
}
