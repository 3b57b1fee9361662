package com.blingauto.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No SMTP server configured: the mail, link included, goes to the log at INFO so that a developer can follow
 * it. In production the token is masked (AUTH-15 decision).
 */
final class LogDelivery implements MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(LogDelivery.class);

    private final boolean maskSecrets;

    LogDelivery(boolean maskSecrets) {
        this.maskSecrets = maskSecrets;
    }

    @Override
    public void deliver(Mail mail) {
        String text = mail.text();
        if (maskSecrets && mail.secret() != null && !mail.secret().isEmpty()) {
            text = text.replace(mail.secret(), mask(mail.secret()));
        }
        log.info("E-mail not sent (SMTP_HOST is not set) to {} subject \"{}\":\n{}", mail.to(), mail.subject(), text);
    }

    static String mask(String secret) {
        return secret.length() <= 8 ? "********" : secret.substring(0, 4) + "********";
    }
}
