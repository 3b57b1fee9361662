package com.blingauto.catalog;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * SVC-7, answered by the bookings module (which depends on this one): the bookings a price change concerns.
 * Without an implementation the catalogue assumes there are none.
 */
public interface ServiceBookings {

    /** Bookings in status {@code pending} or {@code confirmed}, scheduled after {@code now}, that contain the service. */
    FutureBookings futureBookings(UUID serviceId, Instant now);

    /** How many such bookings there are, and their distinct customers. */
    record FutureBookings(int bookingCount, Set<UUID> customerIds) {

        public static final FutureBookings NONE = new FutureBookings(0, Set.of());

        public FutureBookings {
            customerIds = Set.copyOf(customerIds);
        }
    }
}
