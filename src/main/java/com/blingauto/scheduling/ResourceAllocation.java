package com.blingauto.scheduling;

import com.blingauto.facilities.FacilitiesService;
import com.blingauto.shared.VehicleSize;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What bookings (05) ask of scheduling, inside the caller's transaction: allocate a wash bay (BOK-6) or a
 * mobile team (BOK-7) by inserting the booking's reservation (BOK-18), release it (and the booking's slot
 * holds), and the opening-hours test (BOK-17 = SCH-16).
 */
@Service
public class ResourceAllocation {

    private final FacilitiesService facilities;
    private final Allocator allocator;

    ResourceAllocation(FacilitiesService facilities, Allocator allocator) {
        this.facilities = facilities;
        this.allocator = allocator;
    }

    /**
     * BOK-6: the smallest sufficient active bay that is free for {@code [start, start + duration + 15 min)}. When
     * the booking already holds a reservation (reschedule, longer duration) it is replaced, keeping its resource
     * when that is still suitable and free; on failure the old reservation stays as it was.
     */
    @Transactional
    public Allocation allocateWashBay(UUID bookingId, UUID customerId, UUID createdBy, VehicleSize size, Instant start,
                                      int durationMinutes) {
        return allocator.allocate(bookingId, customerId, createdBy, Candidate.washBays(facilities.activeWashBays(), size, List.of()),
                start, durationMinutes);
    }

    /** BOK-7: the nearest active team serving the location that is free and below its daily capacity (SCH-8). */
    @Transactional
    public Allocation allocateMobileTeam(UUID bookingId, UUID customerId, UUID createdBy, double latitude, double longitude,
                                         Instant start, int durationMinutes) {
        return allocator.allocate(bookingId, customerId, createdBy,
                Candidate.mobileTeams(facilities.activeMobileTeams(), latitude, longitude, List.of()), start, durationMinutes);
    }

    /** SCH-13 / BOK-18: the booking's reservation and every slot hold of the booking are released. */
    @Transactional
    public void releaseBooking(UUID bookingId) {
        allocator.releaseBooking(bookingId);
    }

    /** SCH-16 (BOK-17): {@code [start, end)} lies inside the opening hours of one business date. */
    @Transactional(readOnly = true)
    public boolean withinOpeningHours(Instant start, Instant end) {
        return allocator.withinOpeningHours(start, end);
    }
}
