package com.blingauto.auth;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** {@code active} or {@code inactive} (spec 01 §4). */
public enum UserStatus {
    ACTIVE, INACTIVE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
