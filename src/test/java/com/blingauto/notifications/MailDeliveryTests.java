package com.blingauto.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.blingauto.auth.EmailVerificationTokenIssued;
import com.blingauto.auth.PasswordResetTokenIssued;
import com.blingauto.embedded.EmbeddedServers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The mails' texts and links, the log delivery without SMTP_HOST, and SMTP failures surfacing as exceptions. */
class MailDeliveryTests {

    private static final Instant EXPIRES = Instant.parse("2030-01-02T03:04:05Z");

    private final Logger logger = (Logger) LoggerFactory.getLogger(LogDelivery.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Level previousLevel;

    @BeforeEach
    void captureLog() {
        // the suite's Spring context may have set the root level to WARN: this logger must log INFO here
        previousLevel = logger.getLevel();
        logger.setLevel(Level.INFO);
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(logged);
        logger.setLevel(previousLevel);
    }

    private static MailSettings settings(String frontendUrl, String environment, String smtpHost) {
        return new MailSettings(frontendUrl, environment, smtpHost, 587, "", "", "noreply@blingauto.local", "BlingAuto", true,
                Duration.ofSeconds(2), Duration.ofMinutes(5), 10);
    }

    private static EmailVerificationTokenIssued verification(String token) {
        return new EmailVerificationTokenIssued(UUID.randomUUID(), "ann@example.com", "Ann Lee", token, EXPIRES);
    }

    private List<String> messages() {
        return logged.list.stream().filter(e -> e.getLevel() == Level.INFO).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void linksAreBuiltFromTheFrontendUrl() {
        AccountMails mails = new AccountMails(settings("https://app.example.com/", "development", ""));
        Mail verify = mails.verification(verification("tok_EN-1"));
        assertThat(verify.to()).isEqualTo("ann@example.com");
        assertThat(verify.subject()).isEqualTo("Verify your BlingAuto e-mail address");
        assertThat(verify.text()).startsWith("Hello Ann Lee,")
                .contains("\nhttps://app.example.com/verify-email?token=tok_EN-1\n")
                .contains("valid until 2030-01-02 03:04 UTC");
        assertThat(verify.html()).contains("<a href=\"https://app.example.com/verify-email?token=tok_EN-1\">");

        Mail reset = mails.passwordReset(new PasswordResetTokenIssued(UUID.randomUUID(), "bob@example.com", "<Bob>", "r+/=", EXPIRES));
        assertThat(reset.subject()).isEqualTo("Reset your BlingAuto password");
        assertThat(reset.text()).contains("https://app.example.com/reset-password?token=r%2B%2F%3D");
        assertThat(reset.html()).contains("Hello &lt;Bob&gt;,").doesNotContain("<Bob>");
    }

    @Test
    void frontendUrlMustBeHttp() {
        assertThatThrownBy(() -> settings("ftp://x", "development", "")).isInstanceOf(IllegalArgumentException.class);
        assertThat(settings(null, "development", "").frontendUrl()).isEqualTo("http://localhost:3000");
    }

    @Test
    void withoutSmtpTheMailAndItsLinkAreLoggedAtInfo() {
        Mail mail = new AccountMails(settings("http://localhost:3000", "development", "")).verification(verification("Abcdefgh12345678"));
        new LogDelivery(false).deliver(mail);
        assertThat(messages()).singleElement().satisfies(m -> assertThat(m)
                .contains("ann@example.com")
                .contains("Verify your BlingAuto e-mail address")
                .contains("http://localhost:3000/verify-email?token=Abcdefgh12345678"));
    }

    @Test
    void inProductionTheLoggedTokenIsMasked() {
        Mail mail = new AccountMails(settings("https://app.example.com", "production", "")).verification(verification("Abcdefgh12345678"));
        new LogDelivery(true).deliver(mail);
        assertThat(messages()).singleElement().satisfies(m -> assertThat(m)
                .contains("https://app.example.com/verify-email?token=Abcd********")
                .doesNotContain("Abcdefgh12345678"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MailSettings.class)
    @Import(MailConfiguration.class)
    static class MailOnly {
    }

    private static ApplicationContextRunner context() {
        return new ApplicationContextRunner().withUserConfiguration(MailOnly.class)
                .withPropertyValues("blingauto.notifications.smtp-port=587", "blingauto.notifications.retry-max-attempts=10");
    }

    @Test
    void withoutSmtpHostThereIsNoMailSenderAndMailsGoToTheLog() {
        context().withPropertyValues("blingauto.notifications.smtp-host=").run(ctx -> {
            assertThat(ctx).doesNotHaveBean(JavaMailSender.class);
            assertThat(ctx.getBean(MailDelivery.class)).isInstanceOf(LogDelivery.class);
        });
    }

    @Test
    void smtpSettingsConfigureTheSender() {
        context().withPropertyValues("blingauto.notifications.smtp-host=smtp.example.com", "blingauto.notifications.smtp-port=2525",
                "blingauto.notifications.smtp-username=relay", "blingauto.notifications.smtp-password=relay-pass",
                "blingauto.notifications.smtp-use-tls=true").run(ctx -> {
            JavaMailSenderImpl sender = ctx.getBean(JavaMailSenderImpl.class);
            assertThat(sender.getHost()).isEqualTo("smtp.example.com");
            assertThat(sender.getPort()).isEqualTo(2525);
            assertThat(sender.getUsername()).isEqualTo("relay");
            assertThat(sender.getJavaMailProperties()).containsEntry("mail.smtp.auth", "true")
                    .containsEntry("mail.smtp.starttls.required", "true").containsKey("mail.smtp.timeout");
            assertThat(ctx.getBean(MailDelivery.class)).isInstanceOf(SmtpDelivery.class);
        });
    }

    @Test
    void anUnreachableSmtpServerThrows() {
        MailSettings settings = settings("http://localhost:3000", "development", "127.0.0.1");
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(EmbeddedServers.freePort());
        Mail mail = new AccountMails(settings).verification(verification("t1"));
        assertThatThrownBy(() -> new SmtpDelivery(sender, settings).deliver(mail)).isInstanceOf(MailSendException.class);
    }
}
