package com.blingauto.notifications;

import com.blingauto.auth.UserContact;
import com.blingauto.auth.UserService;
import com.blingauto.catalog.ServicePriceChanged;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * SVC-7: mails the customer of a {@link ServicePriceChanged} after the price-change transaction committed. The
 * catalogue publishes one event per customer, so each mail is its own publication: completed when handed over,
 * left incomplete (and retried by {@link FailedMailRetry}) when the send fails, without re-sending to the other
 * customers. A customer whose account no longer exists gets nothing. The id is fixed, as for the account mails.
 */
@Component
class PriceChangeMailListener {

    private static final Logger log = LoggerFactory.getLogger(PriceChangeMailListener.class);

    private final UserService users;
    private final PriceChangeMails mails;
    private final MailDelivery delivery;

    PriceChangeMailListener(UserService users, PriceChangeMails mails, MailDelivery delivery) {
        this.users = users;
        this.mails = mails;
        this.delivery = delivery;
    }

    @ApplicationModuleListener(id = "notifications.price-change-mail", propagation = Propagation.NOT_SUPPORTED)
    void on(ServicePriceChanged event) {
        UserContact customer = users.contacts(Set.of(event.customerId())).get(event.customerId());
        if (customer == null) {
            log.info("No price-change mail for {}: the customer {} does not exist", event.serviceId(), event.customerId());
            return;
        }
        Mail mail = mails.priceChanged(event, customer);
        try {
            delivery.deliver(mail);
        } catch (RuntimeException e) {
            log.warn("Could not send \"{}\" to customer {}: {}; the event publication stays incomplete and will be retried",
                    mail.subject(), event.customerId(), e.getMessage());
            throw e;
        }
    }
}
