package com.blingauto.scheduling;

import java.time.Instant;
import java.util.UUID;

/** An active occupation of a resource: {@code [startsAt, blockedUntil)} with the 15-minute buffer (SCH-6, SCH-12). */
record Reservation(UUID id, UUID resourceId, ResourceType resourceType, String kind, UUID bookingId, UUID customerId,
                   Instant startsAt, Instant endsAt, Instant blockedUntil) {

    static final String BOOKING = "booking";
    static final String HOLD = "hold";

    boolean overlaps(Instant from, Instant until) {
        return startsAt.isBefore(until) && blockedUntil.isAfter(from);
    }
}
