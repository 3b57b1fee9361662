package com.blingauto.notifications;

import com.blingauto.auth.EmailVerificationTokenIssued;
import com.blingauto.auth.PasswordResetTokenIssued;
import com.blingauto.catalog.ServicePriceChanged;
import java.time.Clock;
import java.time.Instant;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code blingauto.notifications.retry-interval} (5 min) the mails whose send failed are handed to
 * their listener again while their link is still valid (the SVC-7 price-change mails have no link), up to
 * {@code retry-max-attempts} (10) attempts; the registry claims each publication before resubmitting it, so
 * several instances do not send it twice. What is still failed after that stays in {@code event_publication}
 * (completion_date null, status FAILED) for an operator, and is tried once more at the next start
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}).
 */
@Component
class FailedMailRetry {

    private final FailedEventPublications failed;
    private final MailSettings settings;
    private final Clock clock;

    FailedMailRetry(FailedEventPublications failed, MailSettings settings, Clock clock) {
        this.failed = failed;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${blingauto.notifications.retry-interval}",
            fixedDelayString = "${blingauto.notifications.retry-interval}")
    void resubmitFailedMails() {
        failed.resubmit(ResubmissionOptions.defaults().withFilter(this::isRetriableMail));
    }

    private boolean isRetriableMail(EventPublication publication) {
        Instant now = clock.instant();
        boolean worthSending = switch (publication.getEvent()) {
            // a link that no longer works is not worth sending
            case EmailVerificationTokenIssued e -> e.expiresAt().isAfter(now);
            case PasswordResetTokenIssued e -> e.expiresAt().isAfter(now);
            // SVC-7 price change: no link, nothing expires
            case ServicePriceChanged e -> true;
            default -> false;
        };
        return worthSending && publication.getCompletionAttempts() < settings.retryMaxAttempts();
    }
}
