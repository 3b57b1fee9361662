package com.blingauto.facilities;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A non-deleted mobile team as other modules see it (allocation, availability). */
public record MobileTeamResource(UUID id, String teamName, double baseLatitude, double baseLongitude,
                                 BigDecimal serviceRadiusKm, int dailyCapacity, List<String> equipmentTypes,
                                 ResourceStatus status) {

    public boolean active() {
        return status == ResourceStatus.ACTIVE;
    }
}
