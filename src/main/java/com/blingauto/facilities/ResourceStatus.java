package com.blingauto.facilities;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Status of a wash bay or mobile team (spec 06 §4); only {@code active} resources receive new allocations (FAC-1). */
public enum ResourceStatus {
    ACTIVE, INACTIVE, MAINTENANCE;

    static final String ONE_OF = "active, inactive, maintenance";

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ResourceStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip();
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(wanted)).findFirst();
    }

    @JsonCreator
    static ResourceStatus fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("Value must be one of: " + ONE_OF));
    }

    static ResourceStatus of(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT));
    }
}
