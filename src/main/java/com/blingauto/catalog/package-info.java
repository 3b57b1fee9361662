/**
 * The wash catalogue: categories and the services sold in them, their prices, durations and popularity, and the
 * cached catalogue reads (spec 03).
 */
@ApplicationModule(allowedDependencies = "shared")
package com.blingauto.catalog;

import org.springframework.modulith.ApplicationModule;
