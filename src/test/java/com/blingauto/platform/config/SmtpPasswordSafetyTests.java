package com.blingauto.platform.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

/** SMTP_PASSWORD is a password like the others: a default value stops staging and production. */
class SmtpPasswordSafetyTests {

    private static MockEnvironment safe() {
        return new MockEnvironment()
                .withProperty("SECRET_KEY", "k".repeat(40) + "0123456789abcdef0123456789abcdef")
                .withProperty("spring.datasource.password", "a-real-database-password-7f3a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"changeme", "password", "Secret", " admin ", "test"})
    void aDefaultSmtpPasswordStopsProduction(String password) {
        assertThatThrownBy(() -> StartupSafetyCheck.verify("production", safe().withProperty("SMTP_PASSWORD", password)))
                .isInstanceOf(UnsafeConfigurationException.class).hasMessage("SMTP_PASSWORD is a default value");
        assertThatThrownBy(() -> StartupSafetyCheck.verify("staging", safe().withProperty("SMTP_PASSWORD", password)))
                .isInstanceOf(UnsafeConfigurationException.class).hasMessage("SMTP_PASSWORD is a default value");
    }

    @Test
    void aRealUnsetOrEmptySmtpPasswordIsAccepted() {
        assertThatCode(() -> StartupSafetyCheck.verify("production", safe().withProperty("SMTP_PASSWORD", "smtp-relay-pass-9c1e")))
                .doesNotThrowAnyException();
        assertThatCode(() -> StartupSafetyCheck.verify("production", safe())).doesNotThrowAnyException();
        assertThatCode(() -> StartupSafetyCheck.verify("production", safe().withProperty("SMTP_PASSWORD", "")))
                .doesNotThrowAnyException();
    }

    @Test
    void developmentDoesNotCare() {
        assertThatCode(() -> StartupSafetyCheck.verify("development", new MockEnvironment().withProperty("SMTP_PASSWORD", "changeme")))
                .doesNotThrowAnyException();
    }
}
