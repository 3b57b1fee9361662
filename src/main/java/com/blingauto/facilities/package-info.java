/**
 * The resources bookings are allocated to: wash bays and mobile teams, their sizes, service areas and
 * statuses (spec 06).
 */
@ApplicationModule(allowedDependencies = "shared")
package com.blingauto.facilities;

import org.springframework.modulith.ApplicationModule;
