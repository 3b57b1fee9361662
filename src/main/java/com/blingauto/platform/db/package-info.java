/**
 * The operator's migration command; the application's {@code main} hands {@code db …} arguments to it, which
 * is the one use of the platform from outside, hence a named interface.
 */
@NamedInterface("db")
package com.blingauto.platform.db;

import org.springframework.modulith.NamedInterface;
