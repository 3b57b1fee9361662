package com.blingauto.scheduling;

import java.util.Optional;
import java.util.UUID;

/**
 * SCH-13, answered by the module that owns bookings (05): the booking a slot hold is for. Without an
 * implementation every booking is unknown ({@code 404 Booking not found}).
 */
public interface SlotBookings {

    /** The booking whatever its owner (scheduling applies the visibility rule), empty when it does not exist. */
    Optional<SlotBooking> find(UUID bookingId);
}
