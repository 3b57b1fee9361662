package com.blingauto.notifications;

import com.blingauto.auth.UserContact;
import com.blingauto.catalog.ServicePriceChanged;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.stereotype.Component;

/**
 * The text of the SVC-7 price-change mail: the service, its old and new price, and that the customer's existing
 * bookings keep the price they were booked at (bookings store a snapshot). Plain text only.
 */
@Component
class PriceChangeMails {

    Mail priceChanged(ServicePriceChanged event, UserContact customer) {
        String service = oneLine(event.serviceName());
        String name = customer.fullName() == null ? "" : oneLine(customer.fullName());
        String greeting = name.isEmpty() ? "Hello," : "Hello " + name + ",";
        String text = greeting + "\n\n"
                + "The price of the service \"" + service + "\" has changed from " + price(event.oldPrice())
                + " to " + price(event.newPrice()) + ".\n\n"
                + "Your existing bookings keep the price they were booked at; the new price applies only to new bookings.\n\n"
                + "-- \nBlingAuto\n";
        return new Mail(customer.email(), name, "New price for " + service, text, null, null);
    }

    /** SVC-8 price display: {@code $} and 2 decimals. */
    static String price(BigDecimal value) {
        return "$" + value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** No line breaks or other control characters in a subject or a one-line text. */
    private static String oneLine(String value) {
        return value.replaceAll("\\p{Cntrl}+", " ").strip();
    }
}
