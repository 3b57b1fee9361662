package com.blingauto.facilities;

import java.util.UUID;

/**
 * FAC-8, answered by the module that owns reservations (scheduling): whether a resource still holds an active
 * reservation (a booking or a slot hold) that ends after now.
 */
public interface ResourceReservations {

    boolean hasActiveReservations(UUID resourceId);
}
