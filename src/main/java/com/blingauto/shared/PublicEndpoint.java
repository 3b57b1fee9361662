package com.blingauto.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler method callable without a token (role PUBLIC). An {@code Authorization} header sent to it
 * is ignored, even when invalid (CNV-36). Every other endpoint requires an authenticated, active user.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PublicEndpoint {
}
