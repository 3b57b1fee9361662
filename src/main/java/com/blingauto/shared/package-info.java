/**
 * The small vocabulary every module speaks: roles, the current user, the exception taxonomy and the
 * annotations that declare who may call an endpoint.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package com.blingauto.shared;

import org.springframework.modulith.ApplicationModule;
