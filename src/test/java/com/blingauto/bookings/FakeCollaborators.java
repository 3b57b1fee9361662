package com.blingauto.bookings;

import com.blingauto.bookings.Collaborators.Placement;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** TEMPORARY stand-ins for vehicles, catalog and scheduling until those modules are merged. */
@Component
class FakeCollaborators implements Collaborators.Vehicles, Collaborators.Catalogue, Collaborators.Capacity {

    static final Map<UUID, Collaborators.VehicleFacts> VEHICLES = new ConcurrentHashMap<>();
    static final Map<UUID, Collaborators.ServiceFacts> SERVICES = new ConcurrentHashMap<>();
    static final List<Object[]> BAYS = new ArrayList<>();
    private static final List<Object[]> RESERVATIONS = new ArrayList<>();
    private static final List<String> SIZES = List.of("compact", "standard", "large", "oversized");

    @Override
    public Optional<Collaborators.VehicleFacts> find(UUID vehicleId) {
        return Optional.ofNullable(VEHICLES.get(vehicleId));
    }

    @Override
    public List<Collaborators.ServiceFacts> find(Collection<UUID> serviceIds) {
        return serviceIds.stream().map(SERVICES::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public boolean withinOpeningHours(Instant start, Instant end) {
        int hour = start.atZone(java.time.ZoneOffset.UTC).getHour();
        return hour >= 8 && end.atZone(java.time.ZoneOffset.UTC).getHour() < 18;
    }

    @Override
    public synchronized Placement washBay(UUID bookingId, UUID customerId, UUID createdBy, String vehicleSize, Instant start, int minutes) {
        Instant end = start.plusSeconds(60L * (minutes + 15));
        boolean any = false;
        for (Object[] bay : BAYS) {
            if (SIZES.indexOf((String) bay[1]) < SIZES.indexOf(vehicleSize)) {
                continue;
            }
            any = true;
            boolean free = RESERVATIONS.stream().noneMatch(r -> r[1].equals(bay[0])
                    && ((Instant) r[2]).isBefore(end) && start.isBefore((Instant) r[3]));
            if (free) {
                RESERVATIONS.add(new Object[]{bookingId, bay[0], start, end});
                return new Placement.Placed((UUID) bay[0]);
            }
        }
        return any ? new Placement.NoneFree(List.of()) : new Placement.NoCandidate();
    }

    @Override
    public Placement mobileTeam(UUID bookingId, UUID customerId, UUID createdBy, BigDecimal lat, BigDecimal lng, Instant start, int minutes) {
        return new Placement.NoCandidate();
    }

    @Override
    public synchronized void release(UUID bookingId) {
        RESERVATIONS.removeIf(r -> r[0].equals(bookingId));
    }
}
