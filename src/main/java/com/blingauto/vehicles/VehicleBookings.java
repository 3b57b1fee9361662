package com.blingauto.vehicles;

import java.util.UUID;

/**
 * The question VEH-5 asks bookings, which depend on vehicles and therefore answer it by implementing this
 * interface. Without an implementation in the context no vehicle has active bookings.
 */
public interface VehicleBookings {

    /** Whether the vehicle has a booking in status {@code pending}, {@code confirmed} or {@code in_progress}. */
    boolean hasActiveBookings(UUID vehicleId);
}
