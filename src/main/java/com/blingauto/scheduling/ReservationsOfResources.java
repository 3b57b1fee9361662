package com.blingauto.scheduling;

import com.blingauto.facilities.ResourceReservations;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers facilities' FAC-8 question from the reservations table. */
@Component
class ReservationsOfResources implements ResourceReservations {

    private final Reservations reservations;
    private final Clock clock;

    ReservationsOfResources(Reservations reservations, Clock clock) {
        this.reservations = reservations;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean hasActiveReservations(UUID resourceId) {
        return reservations.activeEndingAfter(resourceId, clock.instant());
    }
}
