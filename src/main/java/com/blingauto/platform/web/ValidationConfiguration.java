package com.blingauto.platform.web;

import jakarta.validation.Configuration;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;

/** Bean Validation as the spec counts lengths: {@code @Size} on strings in code points (CNV-11). */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class ValidationConfiguration {

    @Bean
    ValidationConfigurationCustomizer codePointSize() {
        return ValidationConfiguration::countCodePoints;
    }

    static void countCodePoints(Configuration<?> configuration) {
        if (configuration instanceof HibernateValidatorConfiguration hibernate) {
            ConstraintMapping mapping = hibernate.createConstraintMapping();
            mapping.constraintDefinition(Size.class).includeExistingValidators(true).validatedBy(CodePointSizeValidator.class);
            hibernate.addMapping(mapping);
        }
    }
}
