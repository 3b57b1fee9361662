package com.blingauto.vehicles;

/**
 * VEH-1 normalisation. Both mappings work code point by code point, so the stored value has exactly as many
 * characters as the validated input (a full-string {@code toUpperCase} would turn {@code ß} into {@code SS}).
 */
final class VehicleText {

    private VehicleText() {
    }

    /** A letter is upper-cased when it starts the text or follows a non-letter; every other letter is lower-cased. */
    static String titleCase(String raw) {
        String value = raw.strip();
        StringBuilder out = new StringBuilder(value.length());
        boolean afterLetter = false;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            boolean letter = Character.isLetter(cp);
            out.appendCodePoint(letter ? (afterLetter ? Character.toLowerCase(cp) : Character.toUpperCase(cp)) : cp);
            afterLetter = letter;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    static String plate(String raw) {
        String value = raw.strip();
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> out.appendCodePoint(Character.toUpperCase(cp)));
        return out.toString();
    }

    static String displayName(int year, String make, String model) {
        return year + " " + make + " " + model;
    }
}
