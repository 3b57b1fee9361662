package com.blingauto.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Configuration;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CNV-11: string lengths are Unicode characters; other {@code @Size} targets keep the standard validators. */
class CodePointSizeValidatorTests {

    private static final String EMOJI = "\uD83D\uDE00";

    private static ValidatorFactory factory;
    private static Validator validator;

    record Named(@Size(min = 2, max = 100) String name) {
    }

    record Builder(@Size(max = 3) StringBuilder text, @Size(max = 2) List<String> items) {
    }

    @BeforeAll
    static void build() {
        Configuration<?> configuration = Validation.byDefaultProvider().configure();
        ValidationConfiguration.countCodePoints(configuration);
        factory = configuration.buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void oneHundredEmojiFitAHundredCharacterField() {
        assertThat(EMOJI.repeat(100)).hasSize(200);
        assertThat(validator.validate(new Named(EMOJI.repeat(100)))).isEmpty();
    }

    @Test
    void oneHundredAndOneEmojiAreTooLong() {
        Set<ConstraintViolation<Named>> violations = validator.validate(new Named(EMOJI.repeat(101)));
        assertThat(violations).singleElement().satisfies(v -> assertThat(v.getPropertyPath().toString()).isEqualTo("name"));
    }

    @Test
    void oneEmojiIsOneCharacterSoTooShortForAMinimumOfTwo() {
        assertThat(validator.validate(new Named(EMOJI))).hasSize(1);
        assertThat(validator.validate(new Named(EMOJI + EMOJI))).isEmpty();
        assertThat(validator.validate(new Named("ab"))).isEmpty();
        assertThat(validator.validate(new Named("a"))).hasSize(1);
        assertThat(validator.validate(new Named(null))).isEmpty();
    }

    @Test
    void otherTypesKeepTheStandardValidators() {
        assertThat(validator.validate(new Builder(new StringBuilder("abcd"), List.of("a", "b", "c")))).hasSize(2);
        assertThat(validator.validate(new Builder(new StringBuilder("abc"), List.of("a", "b")))).isEmpty();
    }

    @Test
    void theValidatorAloneCountsCodePoints() {
        CodePointSizeValidator size = new CodePointSizeValidator();
        size.initialize(annotation());
        assertThat(size.isValid(EMOJI.repeat(100), null)).isTrue();
        assertThat(size.isValid(EMOJI.repeat(101), null)).isFalse();
        assertThat(size.isValid("e\u0301".repeat(50), null)).isTrue();
    }

    private static Size annotation() {
        try {
            return Named.class.getDeclaredField("name").getAnnotation(Size.class);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
