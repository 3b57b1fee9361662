package com.blingauto.shared;

import java.util.Optional;
import java.util.UUID;

/** Path ids (CNV-5): a malformed UUID is answered exactly like an unknown id of that resource. */
public final class Ids {

    private Ids() {
    }

    public static Optional<UUID> parse(String raw) {
        if (raw == null || raw.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
