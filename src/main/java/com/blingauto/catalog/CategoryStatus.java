package com.blingauto.catalog;

import com.fasterxml.jackson.annotation.JsonValue;

/** Spec 03 §4; spelled UPPERCASE on the wire (CNV-27). */
public enum CategoryStatus {
    ACTIVE, INACTIVE;

    @JsonValue
    public String wire() {
        return name();
    }
}
