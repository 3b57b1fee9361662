package com.blingauto.support;

import com.blingauto.scheduling.SlotBooking;
import com.blingauto.scheduling.SlotBookings;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Bookings that scheduling tests register for slot holds (spec 07 E4) without creating real bookings. Knows
 * nothing else, so every other booking id is answered by the bookings module's own implementation.
 */
@Component
@ConditionalOnProperty("blingauto.test.probes")
public class TestSlotBookings implements SlotBookings {

    private final Map<UUID, SlotBooking> bookings = new ConcurrentHashMap<>();

    public UUID register(UUID customerId, String status) {
        UUID id = UUID.randomUUID();
        bookings.put(id, new SlotBooking(id, customerId, status));
        return id;
    }

    @Override
    public Optional<SlotBooking> find(UUID bookingId) {
        return Optional.ofNullable(bookings.get(bookingId));
    }
}
