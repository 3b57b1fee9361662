/**
 * A customer's vehicles: registration, the default vehicle, soft deletion, and the vehicle facts bookings
 * read (spec 02).
 */
@ApplicationModule(allowedDependencies = "shared")
package com.blingauto.vehicles;

import org.springframework.modulith.ApplicationModule;
