package com.blingauto.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Vehicle sizes in their rank order compact (1) &lt; standard (2) &lt; large (3) &lt; oversized (4) (spec 02, 06
 * FAC-5): a vehicle fits a wash bay whose maximum size has the same or a higher rank.
 */
public enum VehicleSize {
    COMPACT, STANDARD, LARGE, OVERSIZED;

    public static final String ONE_OF = "Value must be one of: compact, standard, large, oversized";

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** 1 for compact … 4 for oversized. */
    public int rank() {
        return ordinal() + 1;
    }

    /** Whether a vehicle of this size fits a place that takes at most {@code max}. */
    public boolean fitsIn(VehicleSize max) {
        return ordinal() <= max.ordinal();
    }

    /** Reads any letter case, with surrounding blanks; empty when the value is not a size. */
    public static Optional<VehicleSize> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip();
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(wanted)).findFirst();
    }

    @JsonCreator
    static VehicleSize fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException(ONE_OF));
    }
}
