package com.blingauto.scheduling;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The kind of resource a reservation occupies (spec 07 §4). */
public enum ResourceType {
    WASH_BAY, MOBILE_TEAM;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static ResourceType fromJson(String value) {
        String wanted = value == null ? "" : value.strip();
        return Arrays.stream(values()).filter(t -> t.wire().equalsIgnoreCase(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Value must be one of: wash_bay, mobile_team"));
    }

    static ResourceType of(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT));
    }
}
