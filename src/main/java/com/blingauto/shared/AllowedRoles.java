package com.blingauto.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The role list of an endpoint (CNV-38), next to the endpoint. It is enforced in the security filter chain,
 * before the body is read, so that a forbidden caller gets 403 even with a malformed body (CNV-34 step 5) —
 * which {@code @PreAuthorize} cannot do, as it runs after argument binding.
 * <p>
 * The 403 message is {@code Requires one of: <roles in the order given>} unless {@link #message()} is set.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AllowedRoles {

    Role[] value();

    String message() default "";
}
