package com.blingauto.scheduling;

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
import org.springframework.stereotype.Component;

/**
 * Writes reservations: the first free candidate gets the insert (SCH-6, SCH-8, SCH-12), otherwise the
 * alternatives of SCH-11. Runs in the caller's transaction.
 */
@Component
class Allocator {

    private final Reservations reservations;
    private final Calendars calendars;
    private final Clock clock;

    Allocator(Reservations reservations, Calendars calendars, Clock clock) {
        this.reservations = reservations;
        this.calendars = calendars;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A booking's reservation on the first free candidate. A reservation the booking already holds is replaced,
     * its resource tried first when still a candidate; when nothing is free it is put back as it was.
     */
    Allocation allocate(UUID bookingId, UUID customerId, UUID createdBy, List<Candidate> candidates, Instant start,
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

    /** SCH-16 over the calendar around the interval. */
    boolean withinOpeningHours(Instant start, Instant end) {
        return calendars.around(start, end).within(start, end);
    }

    void releaseBooking(UUID bookingId) {
        reservations.releaseAllOfBooking(bookingId, now());
    }
}
