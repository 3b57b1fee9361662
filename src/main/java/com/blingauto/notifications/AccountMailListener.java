package com.blingauto.notifications;

import com.blingauto.auth.EmailVerificationTokenIssued;
import com.blingauto.auth.PasswordResetTokenIssued;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Sends the account mails after the issuing transaction committed. Each event is recorded in the event
 * publication registry in that transaction; it is completed only when the mail was handed over, so a failed
 * send (exception) or a crash leaves it incomplete, to be resubmitted by {@link FailedMailRetry} or at the
 * next start. The ids are fixed so that renaming a method never orphans a stored publication. No database
 * transaction is held while talking to the SMTP server.
 */
@Component
class AccountMailListener {

    private static final Logger log = LoggerFactory.getLogger(AccountMailListener.class);

    private final AccountMails mails;
    private final MailDelivery delivery;

    AccountMailListener(AccountMails mails, MailDelivery delivery) {
        this.mails = mails;
        this.delivery = delivery;
    }

    @ApplicationModuleListener(id = "notifications.verification-mail", propagation = Propagation.NOT_SUPPORTED)
    void on(EmailVerificationTokenIssued event) {
        send(mails.verification(event), event);
    }

    @ApplicationModuleListener(id = "notifications.password-reset-mail", propagation = Propagation.NOT_SUPPORTED)
    void on(PasswordResetTokenIssued event) {
        send(mails.passwordReset(event), event);
    }

    private void send(Mail mail, Object event) {
        try {
            delivery.deliver(mail);
        } catch (RuntimeException e) {
            log.warn("Could not send \"{}\" for {}: {}; the event publication stays incomplete and will be retried",
                    mail.subject(), event, e.getMessage());
            throw e;
        }
    }
}
