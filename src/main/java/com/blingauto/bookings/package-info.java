/**
 * Bookings: customer appointments for catalogue services at a wash bay or by a mobile team, their lifecycle,
 * fees, idempotent creation and statistics (spec 05).
 */
@ApplicationModule(allowedDependencies = {"shared", "vehicles", "catalog", "scheduling"})
package com.blingauto.bookings;

import org.springframework.modulith.ApplicationModule;
