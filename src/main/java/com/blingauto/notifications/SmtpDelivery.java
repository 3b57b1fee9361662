package com.blingauto.notifications;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends over SMTP; any failure is thrown ({@link org.springframework.mail.MailException}) and never swallowed. */
final class SmtpDelivery implements MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(SmtpDelivery.class);

    private final JavaMailSender sender;
    private final InternetAddress from;

    SmtpDelivery(JavaMailSender sender, MailSettings settings) {
        this.sender = sender;
        this.from = from(settings);
    }

    static InternetAddress from(MailSettings settings) {
        try {
            InternetAddress address = new InternetAddress(settings.smtpFromEmail(), true);
            if (address.getPersonal() == null && !settings.smtpFromName().isEmpty()) {
                address.setPersonal(settings.smtpFromName(), StandardCharsets.UTF_8.name());
            }
            return address;
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("SMTP_FROM_EMAIL is not an e-mail address: " + settings.smtpFromEmail(), e);
        }
    }

    @Override
    public void deliver(Mail mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, mail.html() != null, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(mail.toName() == null || mail.toName().isBlank()
                    ? new InternetAddress(mail.to(), true)
                    : new InternetAddress(mail.to(), mail.toName(), StandardCharsets.UTF_8.name()));
            helper.setSubject(mail.subject());
            if (mail.html() != null) {
                helper.setText(mail.text(), mail.html());
            } else {
                helper.setText(mail.text());
            }
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailPreparationException("Could not build the e-mail \"" + mail.subject() + "\"", e);
        }
        sender.send(message);
        log.debug("Sent \"{}\" to {}", mail.subject(), mail.to());
    }
}
