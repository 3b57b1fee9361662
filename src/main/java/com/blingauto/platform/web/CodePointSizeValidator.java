package com.blingauto.platform.web;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;

/**
 * {@code @Size} on a {@code String} counts Unicode characters (code points), not UTF-16 units (CNV-11): an emoji
 * is one character. Hibernate Validator picks the most specific validator type, so this one wins over its own
 * {@code CharSequence} validator for every {@code String} in every module.
 */
public final class CodePointSizeValidator implements ConstraintValidator<Size, String> {

    private int min;
    private int max;

    @Override
    public void initialize(Size size) {
        if (size.min() < 0 || size.max() < size.min()) {
            throw new IllegalArgumentException("Invalid @Size bounds: min " + size.min() + ", max " + size.max());
        }
        this.min = size.min();
        this.max = size.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int length = value.codePointCount(0, value.length());
        return length >= min && length <= max;
    }
}
