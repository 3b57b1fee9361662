package com.blingauto.platform.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code ENVIRONMENT} and {@code APP_VERSION}. */
@ConfigurationProperties("blingauto.app")
public record AppSettings(String environment, String version) {

    public boolean isProduction() {
        return "production".equals(environment);
    }
}
