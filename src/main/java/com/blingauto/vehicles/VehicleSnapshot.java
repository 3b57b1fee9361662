package com.blingauto.vehicles;

import com.blingauto.shared.VehicleSize;
import java.util.UUID;

/**
 * A vehicle as bookings read it (VEH-7): bookings accept only a non-deleted vehicle of the booking's customer
 * and allocate a bay from its size. Values are the stored, normalised ones.
 */
public record VehicleSnapshot(UUID id, UUID customerId, String make, String model, int year, String color,
                              String licensePlate, VehicleSize vehicleSize, boolean deleted) {

    /** {@code "<year> <make> <model>"}, as the vehicle representation shows it. */
    public String displayName() {
        return VehicleText.displayName(year, make, model);
    }
}
