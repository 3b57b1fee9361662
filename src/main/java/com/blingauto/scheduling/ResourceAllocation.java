package com.blingauto.scheduling;

import com.blingauto.facilities.FacilitiesService;
import com.blingauto.shared.VehicleSize;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
    private final Reservations reservations;
    private final Calendars calendars;
    private final Clock clock;

    ResourceAllocation(FacilitiesService facilities, Reservations reservations, Calendars calendars, Clock clock) {
        this.facilities = facilities;
        this.reservations = reservations;
        this.calendars = calendars;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * BOK-6: the smallest sufficient active bay that is free for {@code [start, start + duration + 15 min)}. When
     * the booking already holds a reservation (reschedule, longer duration) it is replaced, keeping its resource
     * when that is still suitable and free; on failure the old reservation stays as it was.
     */
    @Transactional
    public Allocation allocateWashBay(UUID bookingId, UUID customerId, UUID createdBy, VehicleSize size, Instant start,
                                      int durationMinutes) {
        return allocate(bookingId, customerId, createdBy, Candidate.washBays(facilities.activeWashBays(), size, List.of()),
                start, durationMinutes);
    }

    /** BOK-7: the nearest active team serving the location that is free and below its daily capacity (SCH-8). */
    @Transactional
    public Allocation allocateMobileTeam(UUID bookingId, UUID customerId, UUID createdBy, double latitude, double longitude,
                                         Instant start, int durationMinutes) {
        return allocate(bookingId, customerId, createdBy,
                Candidate.mobileTeams(facilities.activeMobileTeams(), latitude, longitude, List.of()), start, durationMinutes);
    }

    /** SCH-13 / BOK-18: the booking's reservation and every slot hold of the booking are released. */
    @Transactional
    public void releaseBooking(UUID bookingId) {
        reservations.releaseAllOfBooking(bookingId, now());
    }

    /** SCH-16 (BOK-17): {@code [start, end)} lies inside the opening hours of one business date. */
    @Transactional(readOnly = true)
    public boolean withinOpeningHours(Instant start, Instant end) {
        return calendars.around(start, end).within(start, end);
    }

    private Allocation allocate(UUID bookingId, UUID customerId, UUID createdBy, List<Candidate> candidates, Instant start,
                                int minutes) {
        if (candidates.isEmpty()) {
            return new Allocation.NoCandidate();
        }
        Instant now = now();
        Optional<Reservation> previous = reservations.activeBookingReservation(bookingId);
        List<Candidate> ordered = new ArrayList<>(candidates);
        previous.ifPresent(p -> {
            reservations.release(p.id(), now);
            ordered.stream().filter(c -> c.id().equals(p.resourceId())).findFirst().ifPresent(current -> {
                ordered.remove(current);
                ordered.addFirst(current);
            });
        });
        Optional<Allocation.Allocated> allocated = insertFirstFree(ordered, bookingId, customerId, createdBy, start, minutes, now,
                Reservation.BOOKING);
        if (allocated.isPresent()) {
            return allocated.get();
        }
        List<Alternative> alternatives = alternatives(candidates, start, minutes, now);
        previous.ifPresent(p -> reservations.restore(p.id()));
        return new Allocation.NoneFree(alternatives);
    }

    /**
     * Tries the candidates in order; teams are locked first (all of them, in id order) so that their daily count
     * and the insert cannot interleave with another allocation (SCH-8).
     */
    Optional<Allocation.Allocated> insertFirstFree(List<Candidate> ordered, UUID bookingId, UUID customerId, UUID createdBy,
                                                   Instant start, int minutes, Instant now, String kind) {
        ordered.stream().filter(Candidate::hasDailyCapacity).map(Candidate::id).sorted(Comparator.naturalOrder())
                .forEach(reservations::lock);
        Instant end = start.plus(Duration.ofMinutes(minutes));
        LocalDate date = calendars.dateOf(start);
        Instant dayStart = date.atStartOfDay(calendars.zone()).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(calendars.zone()).toInstant();
        for (Candidate candidate : ordered) {
            if (candidate.hasDailyCapacity() && reservations.countStarting(candidate.id(), dayStart, dayEnd) >= candidate.dailyCapacity()) {
                continue;
            }
            Optional<UUID> id = reservations.tryInsert(candidate.id(), candidate.type(), kind, bookingId, customerId, start, end,
                    createdBy, now);
            if (id.isPresent()) {
                return Optional.of(new Allocation.Allocated(candidate.id(), id.get()));
            }
        }
        return Optional.empty();
    }

    /** SCH-11 on the first 3 candidates, from the reservations as this transaction sees them. */
    List<Alternative> alternatives(List<Candidate> candidates, Instant requested, int minutes, Instant now) {
        Instant from = requested.minus(Duration.ofDays(1));
        Instant to = requested.plus(Duration.ofDays(3));
        BusinessCalendar calendar = calendars.around(from, to);
        List<Candidate> first = candidates.subList(0, Math.min(SlotPlanner.ALTERNATIVE_RESOURCES, candidates.size()));
        List<Reservation> existing = reservations.active(first.stream().map(Candidate::id).toList(),
                calendar.startOfDay(calendar.dateOf(from)).minus(Duration.ofDays(1)),
                calendar.startOfDay(calendar.dateOf(to).plusDays(2)));
        return new SlotPlanner(calendar, existing, now).alternatives(requested, minutes, first);
    }
}
