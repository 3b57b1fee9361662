package com.blingauto.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.blingauto.auth.UserContact;
import com.blingauto.catalog.ServicePriceChanged;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The SVC-7 price-change mail text. */
class PriceChangeMailsTests {

    private final PriceChangeMails mails = new PriceChangeMails();
    private final UUID customer = UUID.randomUUID();

    @Test
    void namesTheServiceBothPricesAndThatExistingBookingsKeepTheirPrice() {
        Mail mail = mails.priceChanged(
                new ServicePriceChanged(UUID.randomUUID(), "Premium Wash", new BigDecimal("45.99"), new BigDecimal("50.00"), customer),
                new UserContact(customer, "ann@example.com", "Ann Smith"));

        assertThat(mail.to()).isEqualTo("ann@example.com");
        assertThat(mail.toName()).isEqualTo("Ann Smith");
        assertThat(mail.subject()).isEqualTo("New price for Premium Wash");
        assertThat(mail.text()).isEqualTo("""
                Hello Ann Smith,

                The price of the service "Premium Wash" has changed from $45.99 to $50.00.

                Your existing bookings keep the price they were booked at; the new price applies only to new bookings.

                --\s
                BlingAuto
                """);
        assertThat(mail.html()).isNull();
        assertThat(mail.secret()).isNull();
    }

    @Test
    void pricesShowTwoDecimalsAndControlCharactersNeverReachTheSubject() {
        Mail mail = mails.priceChanged(
                new ServicePriceChanged(UUID.randomUUID(), "Wax\r\nBcc: x@evil.example", new BigDecimal("7"), new BigDecimal("12.5"), customer),
                new UserContact(customer, "bob@example.com", " "));

        assertThat(mail.subject()).isEqualTo("New price for Wax Bcc: x@evil.example").doesNotContain("\r", "\n");
        assertThat(mail.text()).startsWith("Hello,\n\n").contains("from $7.00 to $12.50.");
        assertThat(PriceChangeMails.price(new BigDecimal("1234.5"))).isEqualTo("$1234.50");
    }
}
