package com.blingauto.bookings;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What bookings asks of the modules it depends on (vehicles, catalog, scheduling), in its own terms; each
 * port is implemented by a thin adapter over that module's public service.
 */
final class Collaborators {

    private Collaborators() {
    }

    /** A vehicle as a booking sees it: its owner and size (wire spelling), or nothing when missing or deleted. */
    record VehicleFacts(UUID id, UUID customerId, String size) {
    }

    interface Vehicles {
        Optional<VehicleFacts> find(UUID vehicleId);

        /** Like {@link #find}, share-locking the vehicle until the transaction ends (a deletion waits, VEH-5). */
        Optional<VehicleFacts> lockForBooking(UUID vehicleId);
    }

    /** A catalogue service now; {@code bookable} = ACTIVE in an ACTIVE category (BOK-1). */
    record ServiceFacts(UUID id, String name, BigDecimal price, int durationMinutes, boolean bookable) {
    }

    interface Catalogue {
        /** The existing, non-deleted services among the ids, in any order. */
        List<ServiceFacts> find(Collection<UUID> serviceIds);
    }

    /** The outcome of an allocation attempt (BOK-6, BOK-7). */
    sealed interface Placement {
        record Placed(UUID resourceId) implements Placement {
        }

        /** No resource could ever take this booking (422). */
        record NoCandidate() implements Placement {
        }

        /** Candidates exist but none is free (409), with the alternatives of SCH-11. */
        record NoneFree(List<?> alternatives) implements Placement {
        }
    }

    /** Reservations and the calendar, in the caller's transaction. */
    interface Capacity {
        boolean withinOpeningHours(Instant start, Instant end);

        Placement washBay(UUID bookingId, UUID customerId, UUID createdBy, String vehicleSize, Instant start, int durationMinutes);

        Placement mobileTeam(UUID bookingId, UUID customerId, UUID createdBy, BigDecimal lat, BigDecimal lng, Instant start,
                             int durationMinutes);

        /** Makes every active reservation of the booking inactive (holds included, SCH-13). */
        void release(UUID bookingId);
    }
}
