package com.blingauto.auth;

import com.blingauto.shared.DomainValidationException;
import java.util.Locale;
import java.util.Set;

/** Normalisation of what users type: e-mails (AUTH-3), names (AUTH-1) and phone numbers. */
final class UserInput {

    private static final Set<String> DISPOSABLE_DOMAINS = Set.of(
            "tempmail.com", "throwaway.email", "guerrillamail.com", "mailinator.com", "10minutemail.com");

    private UserInput() {
    }

    static String email(String raw) {
        return raw.strip().toLowerCase(Locale.ROOT);
    }

    /** AUTH-3: a disposable domain is refused with 400. */
    static void refuseDisposable(String email) {
        String domain = email.substring(email.lastIndexOf('@') + 1);
        if (DISPOSABLE_DOMAINS.contains(domain)) {
            throw new DomainValidationException("Disposable email addresses are not allowed", "email");
        }
    }

    /**
     * AUTH-1 title case: a letter is upper-cased when it is the first character or follows a non-letter,
     * every other letter is lower-cased ({@code mary-ann o'neil} → {@code Mary-Ann O'Neil}).
     */
    static String name(String raw) {
        String trimmed = raw.strip();
        StringBuilder out = new StringBuilder(trimmed.length());
        boolean afterLetter = false;
        for (int i = 0; i < trimmed.length(); ) {
            int cp = trimmed.codePointAt(i);
            if (Character.isLetter(cp)) {
                out.appendCodePoint(afterLetter ? Character.toLowerCase(cp) : Character.toUpperCase(cp));
                afterLetter = true;
            } else {
                out.appendCodePoint(cp);
                afterLetter = false;
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** Length in Unicode characters (code points), as the spec counts (CNV-11). */
    static int length(String value) {
        return value.codePointCount(0, value.length());
    }

    /** Phone numbers are stored trimmed; an empty string means "no phone number". */
    static String phone(String raw) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
