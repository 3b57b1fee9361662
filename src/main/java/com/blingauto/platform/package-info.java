/**
 * Technical wiring only: configuration, the web layer's cross-cutting rules (errors, headers, CORS, OpenAPI),
 * security, rate limiting, health and the database operator command. No business module imports it.
 */
@ApplicationModule(allowedDependencies = "shared")
package com.blingauto.platform;

import org.springframework.modulith.ApplicationModule;
