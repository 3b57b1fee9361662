package com.blingauto.shared;

import java.util.UUID;

/**
 * What authentication needs to know about a token on every request (CNV-36, CNV-37), answered by the module
 * that owns users. Declared here so that the security wiring does not depend on that module.
 */
public interface AccountDirectory {

    /** Whether the token was revoked by logout, and the user as stored now (null when no such user exists). */
    Lookup lookup(UUID userId, String tokenId);

    record Lookup(boolean tokenRevoked, Account account) {
    }

    record Account(UUID id, String email, Role role, boolean active) {
    }
}
