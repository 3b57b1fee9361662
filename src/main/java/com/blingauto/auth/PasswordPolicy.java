package com.blingauto.auth;

import com.blingauto.shared.DomainValidationException;
import java.util.Locale;
import java.util.Set;

/** AUTH-2, checked after the 8..128 length rule, in the spec's order. */
final class PasswordPolicy {

    private static final Set<String> COMMON = Set.of("password", "12345678", "qwerty", "abc123", "password123", "admin", "letmein");

    private PasswordPolicy() {
    }

    static void check(String password, String field) {
        if (password.codePoints().allMatch(Character::isDigit)) {
            throw new DomainValidationException("Password cannot be all numbers", field);
        }
        if (password.codePoints().allMatch(Character::isLetter)) {
            throw new DomainValidationException("Password must contain at least one number or special character", field);
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            throw new DomainValidationException("Password is too common", field);
        }
    }
}
