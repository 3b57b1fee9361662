package com.blingauto.shared;

import java.util.UUID;

/**
 * The authenticated caller as read from the database on this request (CNV-37): controllers receive it as a
 * method argument.
 */
public record CurrentUser(UUID id, String email, Role role) {

    public boolean is(Role wanted) {
        return role == wanted;
    }
}
