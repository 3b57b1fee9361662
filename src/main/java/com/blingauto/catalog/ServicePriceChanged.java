package com.blingauto.catalog;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * SVC-7: a service was repriced with {@code notify_customers}; one e-mail is owed to {@code customerId}, a customer
 * of its future bookings. Published once per distinct customer, in the price-change transaction, so that each mail
 * is its own entry of the event publication registry: a recipient whose send fails is retried alone, never
 * re-sending to the others.
 */
public record ServicePriceChanged(UUID serviceId, String serviceName, BigDecimal oldPrice, BigDecimal newPrice,
                                  UUID customerId) {
}
