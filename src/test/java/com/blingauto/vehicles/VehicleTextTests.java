package com.blingauto.vehicles;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** VEH-1 normalisation without Spring. */
class VehicleTextTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "toyota|Toyota",
            "BMW|Bmw",
            "mercedes-benz|Mercedes-Benz",
            "'  land   ROVER  '|Land   Rover",
            "pearl white|Pearl White",
            "3series|3Series",
            "o'neil|O'Neil",
            "élan|Élan",
            "ÉCOLE|École",
            "x|X"})
    void titleCaseUpperCasesALetterAfterANonLetterAndLowerCasesTheRest(String raw, String expected) {
        assertThat(VehicleText.titleCase(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "' abc-123 '|ABC-123",
            "Ab 12 cD|AB 12 CD",
            "straße1|STRAßE1"})
    void platesAreTrimmedAndUpperCasedCharacterByCharacter(String raw, String expected) {
        assertThat(VehicleText.plate(raw)).isEqualTo(expected);
        assertThat(VehicleText.plate(raw).codePointCount(0, VehicleText.plate(raw).length()))
                .isEqualTo(raw.strip().codePointCount(0, raw.strip().length()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"'\uD83D\uDE97car'|\uD83D\uDE97Car", "'a\uD83D\uDE97b'|A\uD83D\uDE97B"})
    void charactersOutsideTheBasicPlaneAreKeptWhole(String raw, String expected) {
        assertThat(VehicleText.titleCase(raw)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void displayNameIsYearMakeModel() {
        assertThat(VehicleText.displayName(2022, "Toyota", "Camry")).isEqualTo("2022 Toyota Camry");
    }
}
