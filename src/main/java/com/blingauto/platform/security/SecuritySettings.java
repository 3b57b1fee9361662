package com.blingauto.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code SECRET_KEY}: signs access tokens (HS256). */
@ConfigurationProperties("blingauto.security")
record SecuritySettings(String secretKey) {
}
