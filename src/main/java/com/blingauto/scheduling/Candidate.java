package com.blingauto.scheduling;

import com.blingauto.facilities.MobileTeamResource;
import com.blingauto.facilities.WashBayResource;
import com.blingauto.shared.VehicleSize;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A resource that suits a request, in the order of SCH-7 / BOK-6 / BOK-7. Mobile teams carry their daily
 * capacity (SCH-8) and their distance to the customer when a location was given.
 */
record Candidate(UUID id, ResourceType type, String name, int dailyCapacity, Double distanceKm) {

    boolean hasDailyCapacity() {
        return type == ResourceType.MOBILE_TEAM;
    }

    /** Active bays that take the vehicle and carry the equipment; smallest sufficient size first, then bay number. */
    static List<Candidate> washBays(List<WashBayResource> bays, VehicleSize size, Collection<String> requiredEquipment) {
        return bays.stream()
                .filter(WashBayResource::active)
                .filter(b -> size.fitsIn(b.maxVehicleSize()))
                .filter(b -> b.equipmentTypes().containsAll(requiredEquipment))
                .sorted(Comparator.comparingInt((WashBayResource b) -> b.maxVehicleSize().rank())
                        .thenComparing(WashBayResource::bayNumber, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(WashBayResource::bayNumber)
                        .thenComparing(WashBayResource::id))
                .map(b -> new Candidate(b.id(), ResourceType.WASH_BAY, b.bayNumber(), 0, null))
                .toList();
    }

    /**
     * Active teams with the equipment that serve the location (FAC-6) when one is given; nearest first, then
     * team name.
     */
    static List<Candidate> mobileTeams(List<MobileTeamResource> teams, Double latitude, Double longitude,
                                       Collection<String> requiredEquipment) {
        boolean located = latitude != null && longitude != null;
        return teams.stream()
                .filter(MobileTeamResource::active)
                .filter(t -> t.equipmentTypes().containsAll(requiredEquipment))
                .map(t -> new Candidate(t.id(), ResourceType.MOBILE_TEAM, t.teamName(), t.dailyCapacity(),
                        located ? Geo.haversineKm(t.baseLatitude(), t.baseLongitude(), latitude, longitude) : null))
                .filter(c -> !located || c.distanceKm() <= radius(teams, c.id()))
                .sorted(Comparator.comparingDouble((Candidate c) -> located ? c.distanceKm() : 0.0)
                        .thenComparing(Candidate::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Candidate::name)
                        .thenComparing(Candidate::id))
                .toList();
    }

    private static double radius(List<MobileTeamResource> teams, UUID id) {
        return teams.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow().serviceRadiusKm().doubleValue();
    }
}
