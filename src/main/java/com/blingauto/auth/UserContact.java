package com.blingauto.auth;

import java.util.UUID;

/** Where to write to a user: the e-mail address and the name to greet, for the other modules' mails. */
public record UserContact(UUID userId, String email, String fullName) {
}
