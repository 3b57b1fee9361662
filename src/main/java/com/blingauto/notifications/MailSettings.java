package com.blingauto.notifications;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where links point ({@code FRONTEND_URL}) and how mail leaves ({@code SMTP_HOST}, {@code SMTP_PORT},
 * {@code SMTP_USERNAME}, {@code SMTP_PASSWORD}, {@code SMTP_FROM_EMAIL}, {@code SMTP_FROM_NAME}, {@code SMTP_USE_TLS}).
 * No {@code SMTP_HOST} means mails are written to the log. {@code environment} is the normalised
 * {@code ENVIRONMENT}: in production the log hides the tokens (AUTH-15).
 */
@ConfigurationProperties("blingauto.notifications")
record MailSettings(
        String frontendUrl,
        String environment,
        String smtpHost,
        int smtpPort,
        String smtpUsername,
        String smtpPassword,
        String smtpFromEmail,
        String smtpFromName,
        boolean smtpUseTls,
        Duration smtpTimeout,
        Duration retryInterval,
        int retryMaxAttempts) {

    MailSettings {
        frontendUrl = frontendUrl == null || frontendUrl.isBlank() ? "http://localhost:3000" : frontendUrl.strip();
        while (frontendUrl.endsWith("/")) {
            frontendUrl = frontendUrl.substring(0, frontendUrl.length() - 1);
        }
        URI uri = URI.create(frontendUrl);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("FRONTEND_URL must be an http(s) URL, e.g. https://app.example.com");
        }
        smtpHost = smtpHost == null ? "" : smtpHost.strip();
        if (smtpPort < 1 || smtpPort > 65535) {
            throw new IllegalArgumentException("SMTP_PORT must be between 1 and 65535");
        }
        smtpFromEmail = smtpFromEmail == null || smtpFromEmail.isBlank() ? "noreply@blingauto.local" : smtpFromEmail.strip();
        smtpFromName = smtpFromName == null ? "" : smtpFromName.strip();
        smtpTimeout = smtpTimeout == null ? Duration.ofSeconds(10) : smtpTimeout;
        retryInterval = retryInterval == null ? Duration.ofMinutes(5) : retryInterval;
        if (retryMaxAttempts < 1) {
            throw new IllegalArgumentException("blingauto.notifications.retry-max-attempts must be positive");
        }
    }

    boolean smtpConfigured() {
        return !smtpHost.isEmpty();
    }

    boolean production() {
        return "production".equals(environment);
    }

    @Override
    public String toString() {
        return "MailSettings[frontendUrl=" + frontendUrl + ", smtpHost=" + smtpHost + ", smtpPort=" + smtpPort
                + ", smtpUsername=" + smtpUsername + ", smtpPassword=" + (smtpPassword == null || smtpPassword.isEmpty() ? "" : "***")
                + ", smtpFromEmail=" + smtpFromEmail + ", smtpUseTls=" + smtpUseTls + "]";
    }
}
