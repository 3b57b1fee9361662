/**
 * Opening hours, closures, availability, slot search and the reservations that keep a resource from being
 * booked twice (spec 07); bookings allocate their wash bay or mobile team through {@link ResourceAllocation}.
 */
@ApplicationModule(allowedDependencies = {"shared", "facilities"})
package com.blingauto.scheduling;

import org.springframework.modulith.ApplicationModule;
