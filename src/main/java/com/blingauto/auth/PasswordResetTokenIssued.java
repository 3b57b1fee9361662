package com.blingauto.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * A password reset token was issued (AUTH-8): the user must receive
 * {@code <FRONTEND_URL>/reset-password?token=<token>}. Delivered after commit like every e-mail.
 */
public record PasswordResetTokenIssued(UUID userId, String email, String fullName, String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "PasswordResetTokenIssued[userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
}
