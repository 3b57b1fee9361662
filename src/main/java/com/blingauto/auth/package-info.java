/**
 * Users, credentials and tokens: login, the current user, the initial admin, and the account lookups that
 * authenticate every request (spec 01).
 */
@ApplicationModule(allowedDependencies = "shared")
package com.blingauto.auth;

import org.springframework.modulith.ApplicationModule;
