/**
 * Price quotes for a set of catalogue services: amounts, tax, 24-hour validity and re-validation against the
 * current catalogue (spec 04).
 */
@ApplicationModule(allowedDependencies = {"shared", "catalog"})
package com.blingauto.pricing;

import org.springframework.modulith.ApplicationModule;
