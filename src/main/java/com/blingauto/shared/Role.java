package com.blingauto.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The four roles, in the hierarchy admin > manager > washer > client (CNV-37). */
public enum Role {
    ADMIN, MANAGER, WASHER, CLIENT;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads any letter case, with surrounding blanks; empty when the value is not a role. */
    public static Optional<Role> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip();
        return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(wanted)).findFirst();
    }

    @JsonCreator
    static Role fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("Value must be one of: admin, manager, washer, client"));
    }

    public boolean isAtLeast(Role other) {
        return ordinal() <= other.ordinal();
    }
}
