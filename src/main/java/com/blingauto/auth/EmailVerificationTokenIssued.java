package com.blingauto.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * A verification token was issued (registration or resend, AUTH-1, AUTH-17): the user must receive
 * {@code <FRONTEND_URL>/verify-email?token=<token>}. Published in the issuing transaction and delivered after
 * commit through the event publication registry.
 */
public record EmailVerificationTokenIssued(UUID userId, String email, String fullName, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "EmailVerificationTokenIssued[userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
}
