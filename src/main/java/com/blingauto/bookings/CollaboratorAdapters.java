package com.blingauto.bookings;

import com.blingauto.catalog.CatalogService;
import com.blingauto.scheduling.Allocation;
import com.blingauto.scheduling.ResourceAllocation;
import com.blingauto.shared.VehicleSize;
import com.blingauto.vehicles.VehicleService;
import com.blingauto.vehicles.VehicleSnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The ports of {@link Collaborators} over the public services of vehicles, catalog and scheduling. */
final class CollaboratorAdapters {

    private CollaboratorAdapters() {
    }

    @Component
    static class VehiclesAdapter implements Collaborators.Vehicles {

        private final VehicleService vehicles;

        VehiclesAdapter(VehicleService vehicles) {
            this.vehicles = vehicles;
        }

        @Override
        public Optional<Collaborators.VehicleFacts> find(UUID vehicleId) {
            return facts(vehicles.findForBooking(vehicleId));
        }

        @Override
        public Optional<Collaborators.VehicleFacts> lockForBooking(UUID vehicleId) {
            return facts(vehicles.lockForBooking(vehicleId));
        }

        private static Optional<Collaborators.VehicleFacts> facts(Optional<VehicleSnapshot> vehicle) {
            return vehicle.filter(v -> !v.deleted())
                    .map(v -> new Collaborators.VehicleFacts(v.id(), v.customerId(), v.vehicleSize().wire()));
        }
    }

    @Component
    static class CatalogueAdapter implements Collaborators.Catalogue {

        private final CatalogService catalog;

        CatalogueAdapter(CatalogService catalog) {
            this.catalog = catalog;
        }

        /** Archived services count as deleted (404, CNV-15); inactive ones are found but not bookable (BOK-1). */
        @Override
        public List<Collaborators.ServiceFacts> find(Collection<UUID> serviceIds) {
            return catalog.findServices(serviceIds).stream().filter(s -> !s.deleted())
                    .map(s -> new Collaborators.ServiceFacts(s.id(), s.name(), s.price(), s.durationMinutes(), s.active()))
                    .toList();
        }
    }

    @Component
    static class CapacityAdapter implements Collaborators.Capacity {

        private final ResourceAllocation allocation;

        CapacityAdapter(ResourceAllocation allocation) {
            this.allocation = allocation;
        }

        @Override
        public boolean withinOpeningHours(Instant start, Instant end) {
            return allocation.withinOpeningHours(start, end);
        }

        @Override
        public Collaborators.Placement washBay(UUID bookingId, UUID customerId, UUID createdBy, String vehicleSize, Instant start,
                                               int durationMinutes) {
            VehicleSize size = VehicleSize.parse(vehicleSize).orElse(VehicleSize.STANDARD);
            return placement(allocation.allocateWashBay(bookingId, customerId, createdBy, size, start, durationMinutes));
        }

        @Override
        public Collaborators.Placement mobileTeam(UUID bookingId, UUID customerId, UUID createdBy, BigDecimal lat, BigDecimal lng,
                                                  Instant start, int durationMinutes) {
            return placement(allocation.allocateMobileTeam(bookingId, customerId, createdBy, lat.doubleValue(), lng.doubleValue(),
                    start, durationMinutes));
        }

        @Override
        public void release(UUID bookingId) {
            allocation.releaseBooking(bookingId);
        }

        private static Collaborators.Placement placement(Allocation allocation) {
            return switch (allocation) {
                case Allocation.Allocated allocated -> new Collaborators.Placement.Placed(allocated.resourceId());
                case Allocation.NoCandidate none -> new Collaborators.Placement.NoCandidate();
                case Allocation.NoneFree busy -> new Collaborators.Placement.NoneFree(busy.alternatives());
            };
        }
    }
}
