package com.blingauto.shared;

import java.util.Optional;
import java.util.UUID;

/**
 * What authentication needs to know about a token's user on every request (CNV-36, CNV-37), answered by the
 * module that owns users. Declared here so that the security wiring does not depend on that module.
 */
public interface AccountDirectory {

    /** The user as stored now, whatever the token claims; empty when no such user exists. */
    Optional<Account> find(UUID userId);

    /** Whether an access token was revoked by logout before its expiry. */
    boolean isAccessTokenRevoked(String jti);

    record Account(CurrentUser user, boolean active) {
    }
}
