package com.blingauto.vehicles;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * A year at most {@link #value()} years after the current UTC year of the injected clock (spec 02 §2.1), so it
 * is reported with the request's other shape errors (type {@code value_error}).
 */
@Documented
@Constraint(validatedBy = YearsAhead.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@interface YearsAhead {

    int value();

    String message() default "Year is too far in the future";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<YearsAhead, Integer> {

        private final Clock clock;
        private int yearsAhead;

        Validator(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void initialize(YearsAhead annotation) {
            yearsAhead = annotation.value();
        }

        @Override
        public boolean isValid(Integer year, ConstraintValidatorContext context) {
            if (year == null) {
                return true;
            }
            int max = maxYear(clock, yearsAhead);
            if (year <= max) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(
                    "Year cannot be more than " + yearsAhead + " years in the future (max: " + max + ")").addConstraintViolation();
            return false;
        }

        static int maxYear(Clock clock, int yearsAhead) {
            return clock.instant().atZone(ZoneOffset.UTC).getYear() + yearsAhead;
        }
    }
}
