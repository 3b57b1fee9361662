package com.blingauto.facilities;

import com.blingauto.shared.VehicleSize;
import java.util.List;
import java.util.UUID;

/** A non-deleted wash bay as other modules see it (allocation, availability). */
public record WashBayResource(UUID id, String bayNumber, VehicleSize maxVehicleSize, List<String> equipmentTypes,
                              ResourceStatus status) {

    public boolean active() {
        return status == ResourceStatus.ACTIVE;
    }
}
