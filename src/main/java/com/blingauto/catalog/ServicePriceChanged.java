package com.blingauto.catalog;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

/**
 * SVC-7: a service was repriced with {@code notify_customers}; one e-mail is owed to each customer of its future
 * bookings (delivered after commit through the event publication registry).
 */
public record ServicePriceChanged(UUID serviceId, String serviceName, BigDecimal oldPrice, BigDecimal newPrice,
                                  Set<UUID> customerIds) {

    public ServicePriceChanged {
        customerIds = Set.copyOf(customerIds);
    }
}
