package com.blingauto.shared;

import java.time.Instant;
import java.util.UUID;

/**
 * The authenticated caller as read from the database on this request (CNV-37), with the access token it
 * presented; controllers receive it as a method argument.
 */
public record CurrentUser(UUID id, String email, Role role, String tokenId, Instant tokenExpiresAt) {

    public boolean is(Role wanted) {
        return role == wanted;
    }
}
