package com.blingauto.notifications;

import com.blingauto.auth.EmailVerificationTokenIssued;
import com.blingauto.auth.PasswordResetTokenIssued;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** The texts of the account mails (AUTH-15): links {@code <FRONTEND_URL>/verify-email?token=…} and {@code /reset-password?token=…}. */
@Component
class AccountMails {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final MailSettings settings;

    AccountMails(MailSettings settings) {
        this.settings = settings;
    }

    Mail verification(EmailVerificationTokenIssued event) {
        String link = link("/verify-email", event.token());
        return compose(event.email(), event.fullName(), event.token(), "Verify your BlingAuto e-mail address",
                "Welcome to BlingAuto! Please confirm your e-mail address to activate your account:",
                link, "Verify my e-mail address", event.expiresAt(),
                "If you did not create a BlingAuto account, you can ignore this e-mail.");
    }

    Mail passwordReset(PasswordResetTokenIssued event) {
        String link = link("/reset-password", event.token());
        return compose(event.email(), event.fullName(), event.token(), "Reset your BlingAuto password",
                "We received a request to reset the password of your BlingAuto account. Choose a new password here:",
                link, "Reset my password", event.expiresAt(),
                "If you did not ask for a password reset, you can ignore this e-mail: your password stays unchanged.");
    }

    private String link(String path, String token) {
        return settings.frontendUrl() + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static Mail compose(String to, String name, String token, String subject, String intro, String link,
                                String action, Instant expiresAt, String ignore) {
        String greeting = name == null || name.isBlank() ? "Hello," : "Hello " + name.strip() + ",";
        String validity = "This link is valid until " + EXPIRY.format(expiresAt) + " and can be used once.";
        String text = greeting + "\n\n" + intro + "\n\n" + link + "\n\n" + validity + "\n\n" + ignore + "\n\n-- \nBlingAuto\n";
        String html = """
                <!DOCTYPE html>
                <html><body style="font-family: sans-serif">
                <p>%s</p>
                <p>%s</p>
                <p><a href="%s">%s</a></p>
                <p>%s<br>%s</p>
                <p>%s</p>
                <p>BlingAuto</p>
                </body></html>
                """.formatted(esc(greeting), esc(intro), esc(link), esc(action), esc(validity),
                "If the button does not work, copy this address into your browser: " + esc(link), esc(ignore));
        return new Mail(to, name, subject, text, html, token);
    }

    private static String esc(String value) {
        return HtmlUtils.htmlEscape(value, StandardCharsets.UTF_8.name());
    }
}
