package com.blingauto.notifications;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The SMTP client exists only when {@code SMTP_HOST} is set; without it no connection is ever attempted and
 * mails go to the log.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    @Bean
    @Conditional(SmtpHostSet.class)
    JavaMailSenderImpl mailSender(MailSettings settings) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(settings.smtpHost());
        sender.setPort(settings.smtpPort());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        boolean auth = settings.smtpUsername() != null && !settings.smtpUsername().isBlank();
        if (auth) {
            sender.setUsername(settings.smtpUsername());
            sender.setPassword(settings.smtpPassword());
        }
        Properties props = new Properties();
        String timeout = Long.toString(settings.smtpTimeout().toMillis());
        // JavaMail waits forever by default: a stuck server must fail the send, not hang the listener
        props.setProperty("mail.smtp.connectiontimeout", timeout);
        props.setProperty("mail.smtp.timeout", timeout);
        props.setProperty("mail.smtp.writetimeout", timeout);
        props.setProperty("mail.smtp.auth", Boolean.toString(auth));
        if (settings.smtpUseTls()) {
            if (settings.smtpPort() == 465) {
                // implicit TLS (SMTPS)
                sender.setProtocol("smtps");
                props.setProperty("mail.smtps.auth", Boolean.toString(auth));
                props.setProperty("mail.smtps.connectiontimeout", timeout);
                props.setProperty("mail.smtps.timeout", timeout);
                props.setProperty("mail.smtps.writetimeout", timeout);
                props.setProperty("mail.smtps.ssl.checkserveridentity", "true");
            } else {
                // STARTTLS, refused rather than silently sent in clear text
                props.setProperty("mail.smtp.starttls.enable", "true");
                props.setProperty("mail.smtp.starttls.required", "true");
                props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
        }
        sender.setJavaMailProperties(props);
        return sender;
    }

    @Bean
    MailDelivery mailDelivery(MailSettings settings, ObjectProvider<JavaMailSender> sender) {
        JavaMailSender smtp = settings.smtpConfigured() ? sender.getIfAvailable() : null;
        if (smtp == null) {
            if ("staging".equals(settings.environment()) || settings.production()) {
                log.warn("SMTP_HOST is not set: e-mails are written to the log instead of being sent (tokens masked in production)");
            } else {
                log.info("SMTP_HOST is not set: e-mails are written to the log instead of being sent");
            }
            return new LogDelivery(settings.production());
        }
        log.info("E-mails are sent through {}:{} (TLS {})", settings.smtpHost(), settings.smtpPort(), settings.smtpUseTls());
        return new SmtpDelivery(smtp, settings);
    }

    static final class SmtpHostSet implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String host = context.getEnvironment().getProperty("blingauto.notifications.smtp-host");
            return host != null && !host.isBlank();
        }
    }
}
