package com.blingauto.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.blingauto.auth.PasswordResetTokenIssued;
import com.blingauto.embedded.EmbeddedServers;
import com.blingauto.support.Api;
import com.blingauto.support.IntegrationTest;
import com.blingauto.support.ReceivedMail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The account mails through real SMTP (the suite's GreenMail): each flow follows the link's token from the
 * received mail back into the API. Also: a failed send leaves its event publication incomplete, and the
 * retry delivers it.
 */
@IntegrationTest
class AccountMailIntegrationTests {

    private static final String FRONTEND = "http://localhost:3000";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JavaMailSenderImpl mailSender;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    FailedMailRetry retry;
    Api api;
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private String email(String name) {
        return name + "-" + run + "@mail.example.com";
    }

    private Api.Response post(String path, String json) {
        return api.post(path, json).send();
    }

    private Api.Response register(String email, String password) {
        Api.Response r = post("/api/v1/auth/register",
                "{\"email\":\"%s\",\"password\":\"%s\",\"first_name\":\"jean-luc\",\"last_name\":\"picard\"}".formatted(email, password));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r;
    }

    @Test
    void registerThenTheMailedLinkVerifiesThenLoginRefreshAndLogout() {
        String email = email("flow");
        UUID id = UUID.fromString(register(email, "Secret-pass-1").json().get("user_id").asString());

        ReceivedMail mail = ReceivedMail.awaitFirst(email);
        assertThat(mail.subject()).isEqualTo("Verify your BlingAuto e-mail address");
        assertThat(mail.from()).isEqualTo("BlingAuto <noreply@blingauto.local>");
        assertThat(mail.to()).contains(email);
        assertThat(mail.text()).startsWith("Hello Jean-Luc Picard,").contains(FRONTEND + "/verify-email?token=");
        assertThat(mail.html()).contains("href=\"" + FRONTEND + "/verify-email?token=");
        String token = mail.token("/verify-email");
        assertThat(mail.link("/verify-email").getHost()).isEqualTo("localhost");
        await("the publication is completed (and, completion mode delete, removed)").atMost(Duration.ofSeconds(15)).until(() -> publications(email) == 0);

        Api.Response verified = post("/api/v1/auth/verify-email", "{\"token\":\"" + token + "\"}");
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().get("message").asString()).isEqualTo("Email verified successfully. Your account is now active.");
        Map<String, Object> row = jdbc.sql("SELECT status, email_verified FROM users WHERE id = ?").param(id).query().singleRow();
        assertThat(row).containsEntry("status", "active").containsEntry("email_verified", true);

        Api.Response login = post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"Secret-pass-1\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String firstRefresh = login.json().get("refresh_token").asString();

        Api.Response refreshed = post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + firstRefresh + "\"}");
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        String access = refreshed.json().get("access_token").asString();
        String refresh = refreshed.json().get("refresh_token").asString();
        assertThat(refresh).isNotEqualTo(firstRefresh);
        Api.Response me = api.get("/api/v1/auth/me").bearer(access).send();
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(email);

        Api.Response out = api.post("/api/v1/auth/logout", null).bearer(access).send();
        assertThat(out.status()).as(out.body()).isEqualTo(200);
        Api.Response after = api.get("/api/v1/auth/me").bearer(access).send();
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.error().get("message").asString()).isEqualTo("Token has been revoked");
        assertThat(post("/api/v1/auth/refresh", "{\"refresh_token\":\"" + refresh + "\"}").status()).isEqualTo(401);
        assertThat(count("SELECT count(*) FROM refresh_tokens WHERE user_id = ? AND revoked_at IS NULL", id)).isZero();

        assertThat(post("/api/v1/auth/verify-email", "{\"token\":\"" + token + "\"}").status()).isEqualTo(422);
        assertThat(ReceivedMail.all(email)).hasSize(1);
    }

    @Test
    void forgotPasswordMailsALinkWhoseTokenResetsThePassword() {
        String email = email("forgot");
        UUID id = UUID.fromString(register(email, "Secret-pass-1").json().get("user_id").asString());
        post("/api/v1/auth/verify-email", "{\"token\":\"" + ReceivedMail.awaitFirst(email).token("/verify-email") + "\"}");

        Api.Response asked = post("/api/v1/auth/forgot-password", "{\"email\":\"" + email.toUpperCase() + "\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(asked.json().get("message").asString()).isEqualTo("If the email exists, a password reset link has been sent.");

        ReceivedMail mail = ReceivedMail.await(email, 2).get(1);
        assertThat(mail.subject()).isEqualTo("Reset your BlingAuto password");
        assertThat(mail.text()).contains(FRONTEND + "/reset-password?token=").contains("can be used once");
        String token = mail.token("/reset-password");

        Api.Response reset = post("/api/v1/auth/reset-password", "{\"token\":\"" + token + "\",\"new_password\":\"Brand-new-pass-2\"}");
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(reset.json().get("message").asString()).isEqualTo("Password reset successfully. You can now login with your new password.");
        assertThat(count("SELECT count(*) FROM password_reset_tokens WHERE user_id = ? AND used_at IS NOT NULL", id)).isEqualTo(1);

        assertThat(post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"Secret-pass-1\"}").status()).isEqualTo(401);
        Api.Response login = post("/api/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"Brand-new-pass-2\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.json().get("user").get("user_id").asString()).isEqualTo(id.toString());
    }

    @Test
    void theAliasRequestPasswordResetMailsTooAndAnUnknownAddressGetsNothing() {
        String email = email("alias");
        register(email, "Secret-pass-1");
        ReceivedMail.awaitFirst(email);
        String unknown = email("nobody");
        assertThat(post("/api/v1/auth/request-password-reset", "{\"email\":\"" + unknown + "\"}").status()).isEqualTo(200);
        assertThat(post("/api/v1/auth/request-password-reset", "{\"email\":\"" + email + "\"}").status()).isEqualTo(200);

        assertThat(ReceivedMail.await(email, 2).get(1).token("/reset-password")).isNotBlank();
        assertThat(ReceivedMail.all(unknown)).isEmpty();
        assertThat(publications(unknown)).isZero();
    }

    @Test
    void resendVerificationMailsANewLinkAndOnlyTheNewOneWorks() {
        String email = email("resend");
        register(email, "Secret-pass-1");
        String first = ReceivedMail.awaitFirst(email).token("/verify-email");

        Api.Response resent = post("/api/v1/auth/resend-verification", "{\"email\":\"" + email + "\"}");
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        assertThat(resent.json().get("message").asString())
                .isEqualTo("If the account exists and is not verified, a new verification email has been sent.");
        List<ReceivedMail> mails = ReceivedMail.await(email, 2);
        String second = mails.get(1).token("/verify-email");
        assertThat(second).isNotEqualTo(first);

        Api.Response old = post("/api/v1/auth/verify-email", "{\"token\":\"" + first + "\"}");
        assertThat(old.status()).isEqualTo(422);
        assertThat(old.error().get("message").asString()).isEqualTo("Verification token has already been used");
        assertThat(post("/api/v1/auth/verify-email", "{\"token\":\"" + second + "\"}").status()).isEqualTo(200);

        // verified: resending sends nothing more
        assertThat(post("/api/v1/auth/resend-verification", "{\"email\":\"" + email + "\"}").status()).isEqualTo(200);
        assertThat(post("/api/v1/auth/forgot-password", "{\"email\":\"" + email + "\"}").status()).isEqualTo(200);
        List<ReceivedMail> after = ReceivedMail.await(email, 3);
        assertThat(after.get(2).subject()).isEqualTo("Reset your BlingAuto password");
        assertThat(after).hasSize(3);
    }

    @Test
    void aFailedSendLeavesThePublicationIncompleteAndTheRetryDeliversIt() {
        String email = email("smtp-down");
        PasswordResetTokenIssued event = new PasswordResetTokenIssued(UUID.randomUUID(), email, "Down Time",
                "retry-token-" + run, Instant.now().plus(Duration.ofHours(1)));
        int smtpPort = mailSender.getPort();
        try {
            mailSender.setPort(EmbeddedServers.freePort());
            transactions.executeWithoutResult(status -> events.publishEvent(event));

            await("the publication is marked failed").atMost(Duration.ofSeconds(15))
                    .until(() -> count("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ? AND status = 'FAILED'",
                    "%" + email + "%") == 1);
            Map<String, Object> row = jdbc.sql("SELECT listener_id, completion_date, completion_attempts FROM event_publication WHERE serialized_event LIKE ?")
                    .param("%" + email + "%").query().singleRow();
            assertThat(row.get("completion_date")).isNull();
            assertThat(row.get("listener_id")).isEqualTo("notifications.password-reset-mail");
            assertThat(ReceivedMail.all(email)).isEmpty();
        } finally {
            mailSender.setPort(smtpPort);
        }

        retry.resubmitFailedMails();
        ReceivedMail mail = ReceivedMail.awaitFirst(email);
        assertThat(mail.token("/reset-password")).isEqualTo("retry-token-" + run);
        await("the resubmitted publication is completed").atMost(Duration.ofSeconds(15)).until(() -> publications(email) == 0);
    }

    @Test
    void theRetryLeavesMailsWhoseLinkExpiredAlone() {
        String email = email("expired-link");
        PasswordResetTokenIssued event = new PasswordResetTokenIssued(UUID.randomUUID(), email, "Late", "late-token-" + run,
                Instant.now().plus(Duration.ofSeconds(1)));
        int smtpPort = mailSender.getPort();
        try {
            mailSender.setPort(EmbeddedServers.freePort());
            transactions.executeWithoutResult(status -> events.publishEvent(event));
            await("the publication is marked failed").atMost(Duration.ofSeconds(15))
                    .until(() -> count("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ? AND status = 'FAILED'",
                    "%" + email + "%") == 1);
        } finally {
            mailSender.setPort(smtpPort);
        }
        await("the link expired").atMost(Duration.ofSeconds(15)).until(() -> Instant.now().isAfter(event.expiresAt()));

        retry.resubmitFailedMails();
        assertThat(count("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ? AND completion_date IS NULL",
                "%" + email + "%")).isEqualTo(1);
        assertThat(ReceivedMail.all(email)).isEmpty();
        jdbc.sql("DELETE FROM event_publication WHERE serialized_event LIKE ?").param("%" + email + "%").update();
    }

    private long publications(String email) {
        return count("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?", "%" + email + "%");
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

}
